package com.serviceloop.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos for audits loaded as history (the demo's): stored as an upload would be — the object store, a photo row and
 * the photo item answered — on the latest audits of each outlet, so that their results and PDFs show pictures.
 */
@Service
public class AuditHistoryPhotos {
    private final JdbcClient jdbc;
    private final AuditForms forms;
    private final AuditAnswers answers;

    AuditHistoryPhotos(JdbcClient jdbc, AuditForms forms, AuditAnswers answers) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.answers = answers;
    }

    /** Makes the JPEG of one outlet's n-th latest audit (0: the latest). */
    public interface Camera {
        byte[] jpeg(long outletId, int nth);
    }

    private record Done(long id, long outletId, long auditorId, OffsetDateTime submittedAt) {
    }

    /** Attaches one photo to the first photo item of each of the latest {@code perOutlet} audits per outlet; how many. */
    @Transactional
    public int attach(long formId, int perOutlet, Camera camera) {
        FormVersion version = forms.latest(formId);
        FormItem item = version.items().filter(i -> i.answerType() == AnswerType.PHOTO).findFirst().orElse(null);
        if (item == null) {
            return 0;
        }
        List<Done> audits = jdbc.sql("""
                SELECT a.id, a.outlet_id, a.auditor_id, a.submitted_at FROM audit a
                WHERE a.form_version_id = :v AND a.status <> 'IN_PROGRESS'
                  AND NOT EXISTS (SELECT 1 FROM audit_photo p WHERE p.audit_id = a.id)
                ORDER BY a.outlet_id, a.submitted_at DESC""").param("v", version.id())
                .query((rs, i) -> new Done(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
        Map<Long, Integer> taken = new HashMap<>();
        int attached = 0;
        for (Done a : audits) {
            int nth = taken.merge(a.outletId(), 1, Integer::sum) - 1;
            if (nth >= perOutlet) {
                continue;
            }
            answers.storePhoto(a.id(), item.id(), camera.jpeg(a.outletId(), nth), "image/jpeg", null, a.auditorId(),
                    a.submittedAt());
            attached++;
        }
        return attached;
    }
}
