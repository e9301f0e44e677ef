package com.serviceloop.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a file import: what was read, stored, skipped as already there, and rejected,
 * with a reason per rejected line. Only the first {@link #MAX_ERRORS} reasons are kept, so a file
 * that is wrong on every line cannot fill the memory.
 */
public final class ImportReport {
    public static final int MAX_ERRORS = 1000;

    public record RowError(long line, String field, String message) {
    }

    private long rowsRead;
    private long inserted;
    private long updated;
    private long duplicates;
    private long rejected;
    private final List<RowError> errors = new ArrayList<>();
    private long millis;

    public void read() {
        rowsRead++;
    }

    public void reject(long line, String field, String message) {
        rejected++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(line, field, message));
        }
    }

    /** Rejections beyond the listed ones, counted but not described. */
    public void rejectUnlisted(long n) {
        rejected += n;
    }

    public void inserted(long n) {
        inserted += n;
    }

    public void updated(long n) {
        updated += n;
    }

    public void duplicates(long n) {
        duplicates += n;
    }

    public void finished(long startNanos) {
        millis = (System.nanoTime() - startNanos) / 1_000_000;
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public long getInserted() {
        return inserted;
    }

    public long getUpdated() {
        return updated;
    }

    public long getDuplicates() {
        return duplicates;
    }

    public long getRejected() {
        return rejected;
    }

    public List<RowError> getErrors() {
        return errors.stream().sorted(Comparator.comparingLong(RowError::line)).toList();
    }

    public boolean isErrorsTruncated() {
        return rejected > errors.size();
    }

    public long getMillis() {
        return millis;
    }

    public long getRowsPerSecond() {
        return millis == 0 ? rowsRead : rowsRead * 1000 / millis;
    }
}
