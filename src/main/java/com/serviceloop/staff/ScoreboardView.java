package com.serviceloop.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's or team's scoreboard: their figures, the outlet-level figures they share with their
 * outlet, and the figures the data does not record per person (named, not guessed).
 */
public record ScoreboardView(ScoreboardBoard.Level level, ScoreboardFigures figures, LocalDate from, LocalDate to,
                             OutletLevel outlet, List<String> notRecordedPerPerson) {

    /** What the data records per outlet only: visits and customers, and audit results (0–100). */
    public record OutletLevel(long outletId, String outletName, long visits, long customers, long newCustomers, int audits,
                              Double auditMeanScore) {
    }

    /** Figures the issue asks for that no table records per person (visits carry no serving person). */
    public static final List<String> NOT_RECORDED = List.of("NEW_CUSTOMERS", "CUSTOMERS_TOTAL", "COMPLAINTS_CAUSED",
            "MYSTERY_SHOP");
}
