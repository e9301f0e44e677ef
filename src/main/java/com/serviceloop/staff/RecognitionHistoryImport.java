package com.serviceloop.staff;

import com.serviceloop.platform.BadInputException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition notes written before (the demo, a paper log typed in): stored as they were, then the
 * scoreboard rollup rebuilt over their days at every outlet, so the boards show them at once.
 */
@Service
public class RecognitionHistoryImport {
    private static final String INSERT = """
            INSERT INTO staff_recognition (outlet_id, person_id, team_id, writer_id, what_done, standard_id, link_kind, link_id,
                written_at, written_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private final JdbcTemplate jdbc;
    private final ScoreboardRollup rollup;
    private final Clock clock;
    private final ZoneId zone;

    RecognitionHistoryImport(JdbcTemplate jdbc, ScoreboardRollup rollup, Clock clock,
                             @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** One past note, to a person or to a team at the outlet; the link, if any, as the owner module's id. */
    public record PastNote(long outletId, Long personId, Long teamId, long writerId, String text, Long standardId,
                           RecognitionLink sourceKind, Long sourceId, OffsetDateTime writtenAt) {
    }

    /** Stores the notes, all or none, and rebuilds the rollup from the first note's day to today. The number stored. */
    @Transactional
    public int load(List<PastNote> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < notes.size(); i++) {
            PastNote n = notes.get(i);
            if ((n.personId() == null) == (n.teamId() == null)) {
                throw BadInputException.of("notes[" + i + "].personId", "error.staff.personOrTeam");
            }
            if (n.text() == null || n.text().isBlank() || n.text().strip().length() > Recognitions.MAX_TEXT) {
                throw BadInputException.of("notes[" + i + "].text", "error.staff.textTooLong", String.valueOf(Recognitions.MAX_TEXT));
            }
            if (n.writtenAt().isAfter(now)) {
                throw BadInputException.of("notes[" + i + "].writtenAt", "error.staff.periodBackwards");
            }
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                PastNote n = notes.get(i);
                ps.setLong(1, n.outletId());
                ps.setObject(2, n.personId(), Types.BIGINT);
                ps.setObject(3, n.teamId(), Types.BIGINT);
                ps.setLong(4, n.writerId());
                ps.setString(5, n.text().strip());
                ps.setObject(6, n.standardId(), Types.BIGINT);
                ps.setString(7, n.sourceKind() == null ? null : n.sourceKind().name());
                ps.setObject(8, n.sourceId(), Types.BIGINT);
                ps.setObject(9, n.writtenAt());
                ps.setDate(10, Date.valueOf(n.writtenAt().atZoneSameInstant(zone).toLocalDate()));
            }

            @Override
            public int getBatchSize() {
                return notes.size();
            }
        });
        LocalDate first = notes.stream().map(PastNote::writtenAt).min(Comparator.naturalOrder()).orElseThrow()
                .atZoneSameInstant(zone).toLocalDate();
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        // a month at a time: each refresh reads the cases and survey answers of its days only
        for (LocalDate from = first; !from.isAfter(today); from = from.plusMonths(1)) {
            LocalDate to = from.plusMonths(1).minusDays(1);
            rollup.refresh(null, from, to.isAfter(today) ? today : to);
        }
        return notes.size();
    }
}
