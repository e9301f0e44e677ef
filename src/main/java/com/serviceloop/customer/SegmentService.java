package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Roles;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Segment insight for an outlet, region or chain in the caller's scope, from the segment rollup. */
@Service
public class SegmentService {
    private final SegmentRepository segments;
    private final RosterRepository roster;
    private final OrgService org;

    public SegmentService(SegmentRepository segments, RosterRepository roster, OrgService org) {
        this.segments = segments;
        this.roster = roster;
        this.org = org;
    }

    /** The unit asked for, or the caller's own top unit; 404 when out of scope. */
    public OrgUnit unit(AppUser user, Long unitId) {
        if (unitId != null) {
            OrgUnit unit = org.get(user, unitId);
            if (unit.kind() == UnitKind.TEAM) {
                throw BadInputException.of("unitId", "error.customer.teamUnit");
            }
            return unit;
        }
        return org.visibleUnits(user).stream().filter(u -> u.kind() != UnitKind.TEAM)
                .min((a, b) -> Integer.compare(a.depth(), b.depth()))
                .orElseThrow(() -> BadInputException.of("unitId", "error.customer.noUnit"));
    }

    public SegmentInsight insight(AppUser user, Long unitId) {
        OrgUnit unit = unit(user, unitId);
        var scope = org.scopeOf(user);
        List<SegmentRepository.CellRow> rows = segments.cells(scope, unit.path());
        SegmentFigures total = rows.stream().map(SegmentRepository.CellRow::figures)
                .reduce(SegmentFigures.NONE, SegmentFigures::plus);
        List<SegmentInsight.Cell> cells = new ArrayList<>();
        for (FrequencyTier tier : FrequencyTier.values()) {
            for (LoyaltyClass loyalty : LoyaltyClass.values()) {
                SegmentFigures f = rows.stream().filter(r -> r.tier() == tier && r.loyalty() == loyalty).findFirst()
                        .map(SegmentRepository.CellRow::figures).orElse(SegmentFigures.NONE);
                cells.add(SegmentInsight.Cell.of(tier, loyalty, f, total));
            }
        }
        var share = segments.share(unit.id());
        SegmentInsight.Totals totals = SegmentInsight.Totals.of(unit.id(), unit.name(), unit.kind().name(), total,
                share.map(SegmentRepository.Share::topCustomers).orElse(0L),
                share.map(SegmentRepository.Share::topValue).orElse(BigDecimal.ZERO),
                share.map(SegmentRepository.Share::valueTotal).orElse(BigDecimal.ZERO));
        List<SegmentInsight.Totals> children = unit.kind() == UnitKind.OUTLET ? List.of()
                : segments.children(scope, unit.id()).stream().map(c -> SegmentInsight.Totals.of(c.unitId(),
                        c.unitName(), c.unitKind(), c.figures(), c.topCustomers() == null ? 0 : c.topCustomers(),
                        c.topValue() == null ? BigDecimal.ZERO : c.topValue(),
                        c.shareTotal() == null ? BigDecimal.ZERO : c.shareTotal())).toList();
        return new SegmentInsight(unit.id(), unit.name(), unit.kind().name(),
                share.map(SegmentRepository.Share::refreshedAt).orElse(null), totals, cells, children);
    }

    /** The customers behind one cell, most valuable first; contact data as on the roster. */
    public PageResult<RosterEntry> customers(AppUser user, Long unitId, String tier, String loyalty, Integer page,
                                             Integer size) {
        OrgUnit unit = unit(user, unitId);
        PageRequest p = RosterQuery.page(page, size);
        return roster.segment(org.scopeOf(user), unit.path(), parse(FrequencyTier.class, tier, "tier"),
                parse(LoyaltyClass.class, loyalty, "loyalty"), p, Roles.servesCustomers(user));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw BadInputException.of(field, "error.platform.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(field, "error.customer.badValue",
                    Arrays.toString(type.getEnumConstants()));
        }
    }
}
