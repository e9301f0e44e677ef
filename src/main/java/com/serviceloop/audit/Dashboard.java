package com.serviceloop.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Audit figures of a unit (an outlet, a region, the chain) as far as the caller sees it: the mean score per month
 * (the audits behind a point: AuditDashboard.audits), the weakest items by standard, overdue schedules and open corrective
 * actions, and the unit's outlets side by side.
 */
public record Dashboard(List<Point> months, List<Weak> weakest, int overdue, int openActions, List<OutletRow> outlets) {

    /** One month (yyyy-MM, Asia/Shanghai by default): mean overall score of the audits submitted in it. */
    public record Point(String month, double meanScore, int audits, int failed) {
    }

    /** An item (by standard where it has one) with its mean score over the period's audits, lowest first. */
    public record Weak(Long standardId, String text, String areaCode, double meanScore, int answers) {
    }

    /**
     * One outlet over the period: its latest and mean overall score (0 to 1), the standard its items scored lowest on
     * (mean item score), its overdue scheduled audits and open corrective actions.
     */
    public record OutletRow(long outletId, String outletName, int audits, Double latestScore, OffsetDateTime latestAt,
                            Double meanScore, String weakestStandard, Double weakestScore, int overdue, int openActions) {
    }
}
