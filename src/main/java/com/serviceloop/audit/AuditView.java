package com.serviceloop.audit;

import java.util.List;

/** An audit as the conduct page and the API show it: the form, what is answered so far, and the scores. */
public record AuditView(Audit audit, FormVersion form, List<Answer> answers, List<Photo> photos, int required,
                        int requiredAnswered, Scorecard scorecard) {
}
