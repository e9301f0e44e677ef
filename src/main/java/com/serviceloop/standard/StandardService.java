package com.serviceloop.standard;

import com.serviceloop.blueprint.BlueprintService;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.platform.Rows;
import com.serviceloop.platform.Text;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standards per outlet type. Nothing is edited in place: a change adds a version and closes the
 * previous one, and retiring keeps the standard and its history, so every measurement can be read
 * against the wording that was in force when it was taken.
 */
@Service
public class StandardService {
    private final StandardRepository repo;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final OrgService org;
    private final Clock clock;
    private final BlueprintService blueprints;
    private final ApplicationEventPublisher events;

    public StandardService(StandardRepository repo, MessageSource messages, JdbcClient jdbc, OrgService org,
                           Clock clock, BlueprintService blueprints, ApplicationEventPublisher events) {
        this.blueprints = blueprints;
        this.events = events;
        this.repo = repo;
        this.messages = messages;
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    public List<StandardArea> areas() {
        return repo.areas();
    }

    /** The active standards that govern a case clock, of one outlet type (null: all), by type, clock and id. */
    public List<SlaLink> slaLinks(String outletType) {
        return repo.slaLinks(outletType);
    }

    /** A standard with its version in force, retired or not, whoever asks. */
    public Optional<Standard> current(long id) {
        return repo.find(id);
    }

    /** Whether there is a standard with this id, retired or not. */
    public boolean exists(long id) {
        return repo.exists(id);
    }

    /**
     * Lets the standard govern a case clock (names of casework's clock, case type and severity; all
     * null to unlink). False when there is no such standard.
     */
    @Transactional
    public boolean setSlaLink(long id, String clock, String caseType, String severity) {
        return repo.setSlaLink(id, clock, caseType, severity);
    }

    /** Every outlet type anything is written for: standards, blueprints, the organisation's outlets. */
    public List<String> outletTypes() {
        Set<String> types = new TreeSet<>(repo.outletTypes());
        types.addAll(blueprints.outletTypes());
        types.addAll(org.outletTypes());
        return List.copyOf(types);
    }

    public List<Standard> list(String outletType, boolean includeRetired) {
        return repo.list(outletType, includeRetired);
    }

    public Standard get(long id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("Standard", id));
    }

    public List<StandardVersion> history(long id) {
        get(id);
        return repo.versions(id);
    }

    /** Advice on a draft, worded in the reader's language; compares with the type's other active standards. */
    public List<Finding> check(StandardForm form, Long selfId, Locale locale) {
        List<QualityChecker.Existing> others = form.outletType() == null ? List.of()
                : repo.list(form.outletType(), false).stream()
                        .filter(s -> selfId == null || s.id() != selfId)
                        .map(s -> new QualityChecker.Existing(s.id(), s.behaviour())).toList();
        return QualityChecker.check(form, others).stream()
                .map(f -> f.withMessage(messages.getMessage("check." + f.code(), plain(f.args()), f.code(), locale)))
                .toList();
    }

    /** Numbers as typed, not as MessageFormat would group them ("#1,204"). */
    private static Object[] plain(List<Object> args) {
        return args.stream().map(a -> a instanceof Number ? a.toString() : a).toArray();
    }

    @Transactional
    public Standard create(AppUser user, StandardForm f) {
        StandardArea area = area(f.areaCode());
        checkStep(f.blueprintStepId(), f.outletType());
        long id = repo.insertStandard(f.outletType(), area.code(), repo.nextRank(f.outletType(), area.side()));
        repo.insertVersion(id, 1, f, user.id(), OffsetDateTime.now(clock));
        return get(id);
    }

    @Transactional
    public Standard revise(AppUser user, long id, StandardForm f) {
        Standard current = get(id);
        if (current.status() == Standard.Status.RETIRED) {
            throw ConflictException.of("error.standard.retired", String.valueOf(id));
        }
        if (!current.outletType().equals(f.outletType())) {
            throw BadInputException.of("outletType", "error.standard.outletTypeFixed");
        }
        area(f.areaCode());
        checkStep(f.blueprintStepId(), f.outletType());
        int version = f.version() == null ? current.version() : f.version();
        if (!repo.touch(id, version, f.areaCode())) {
            throw ConflictException.of("error.standard.changed", String.valueOf(id));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.closeCurrentVersion(id, now);
        repo.insertVersion(id, current.versionNo() + 1, f, user.id(), now);
        events.publishEvent(new StandardRevised(id, current.versionNo() + 1, current.outletType()));
        return get(id);
    }

    @Transactional
    public Standard retire(long id) {
        get(id);
        if (!repo.retire(id, OffsetDateTime.now(clock))) {
            throw ConflictException.of("error.standard.alreadyRetired", String.valueOf(id));
        }
        return get(id);
    }

    @Transactional
    public Measurement measure(AppUser user, long standardId, MeasurementForm f) {
        Standard standard = get(standardId);
        if (!org.scopeOf(user).contains(f.outletId())) {
            throw BadInputException.of("outletId", "error.standard.outletOutOfScope", String.valueOf(f.outletId()));
        }
        OffsetDateTime at = f.measuredAt() == null ? OffsetDateTime.now(clock) : f.measuredAt();
        if (standard.retiredAt() != null && !at.isBefore(standard.retiredAt())) {
            throw BadInputException.of("measuredAt", "error.standard.retiredBefore");
        }
        StandardVersion v = repo.versionAt(standardId, at)
                .orElseThrow(() -> BadInputException.of("measuredAt", "error.standard.notYetWritten"));
        boolean met = met(v, f);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO standard_measurement (standard_id, standard_version_id, outlet_id, measured_at,
                    observed_value, met, source, note)
                VALUES (:s, :v, :o, :at, :value, :met, :source, :note)""")
                .param("s", standardId).param("v", v.id()).param("o", f.outletId()).param("at", at)
                .param("value", f.observedValue()).param("met", met)
                .param("source", f.source() == null ? "MANUAL" : f.source())
                .param("note", Text.blankToNull(f.note())).update(keys, "id");
        String source = f.source() == null ? "MANUAL" : f.source();
        if (!met) {
            events.publishEvent(new StandardsMissed(List.of(new StandardsMissed.Miss(keys.getKey().longValue(),
                    standardId, f.outletId(), at, source, v.behaviour()))));
        }
        return new Measurement(keys.getKey().longValue(), standardId, v.id(), v.versionNo(), f.outletId(), at,
                f.observedValue(), met, f.source() == null ? "MANUAL" : f.source(), Text.blankToNull(f.note()));
    }

    /** For timed standards "met" follows from the observed time; otherwise the observer says. */
    private static boolean met(StandardVersion v, MeasurementForm f) {
        if (f.met() != null) {
            return f.met();
        }
        if (f.observedValue() != null && v.targetValue() != null && v.targetUnit() != null && v.targetUnit().isTime()) {
            return f.observedValue().compareTo(v.targetValue()) <= 0;
        }
        throw BadInputException.of("met", "error.standard.sayWhetherMet");
    }

    public List<Measurement> measurements(AppUser user, long standardId, int limit) {
        get(standardId);
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql("""
                SELECT m.id, m.standard_id, m.standard_version_id, v.version_no, m.outlet_id, m.measured_at,
                       m.observed_value, m.met, m.source, m.note
                FROM standard_measurement m JOIN standard_version v ON v.id = m.standard_version_id
                WHERE m.standard_id = :s AND %s ORDER BY m.measured_at DESC, m.id DESC LIMIT :limit"""
                        .formatted(scope.sqlFilter("m.outlet_id"))))
                .param("s", standardId).param("limit", limit).query(Rows.of(Measurement.class)).list();
    }

    public List<Compliance> compliance(AppUser user, long standardId, OffsetDateTime from, OffsetDateTime to) {
        get(standardId);
        OutletScope scope = org.scopeOf(user);
        return scope.bind(jdbc.sql("""
                SELECT v.version_no, v.behaviour, v.target_rate, COUNT(m.id) AS events,
                       COALESCE(SUM(CASE WHEN m.met THEN 1 ELSE 0 END), 0) AS met, %s AS score_sum
                FROM standard_version v
                LEFT JOIN standard_measurement m ON m.standard_version_id = v.id AND %s
                     AND m.measured_at >= :from AND m.measured_at < :to
                WHERE v.standard_id = :s
                GROUP BY v.version_no, v.behaviour, v.target_rate ORDER BY v.version_no"""
                        .formatted(Observations.scoreSum(), scope.sqlFilter("m.outlet_id"))))
                .param("s", standardId)
                .param("from", from == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : from)
                .param("to", to == null ? OffsetDateTime.now(clock).plusSeconds(1) : to)
                .query(Rows.of(Compliance.class)).list();
    }

    StandardArea area(String code) {
        return repo.areas().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> BadInputException.of("areaCode", "error.standard.unknownArea", code));
    }

    private void checkStep(Long stepId, String outletType) {
        if (stepId == null) {
            return;
        }
        if (!blueprints.hasStep(outletType, stepId)) {
            throw BadInputException.of("blueprintStepId", "error.standard.unknownStep", String.valueOf(stepId));
        }
    }
}
