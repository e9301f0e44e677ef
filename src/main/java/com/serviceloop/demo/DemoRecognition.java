package com.serviceloop.demo;

import com.serviceloop.casework.StaffCaseFigures;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.OutletScope;
import com.serviceloop.staff.RecognitionHistoryImport;
import com.serviceloop.staff.RecognitionHistoryImport.PastNote;
import com.serviceloop.staff.RecognitionLink;
import com.serviceloop.standard.Standard;
import com.serviceloop.standard.StandardService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Eighteen months of daily recognition at the demo outlets: each outlet manager writes a note on
 * roughly one day in four, mostly to a person, sometimes to a counter team, often naming the
 * standard it shows; about half the praise cases owned by staff got a note a day or two later. The
 * praise of the last 30 days is left without a note, so the manager's suggestions have something
 * to offer. Loading fills the scoreboard rollup.
 */
@Component
class DemoRecognition {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] DEEDS = {
        "顾客拿着处方犹豫不决，你耐心讲清了用法用量和注意事项，顾客放心地走了。",
        "高峰时段主动开第二个收银台，排队时间明显缩短。",
        "发现老人买的两种药有相互作用，及时提醒并联系了医生，做得非常专业。",
        "缺货的降压药你主动帮顾客调货，第二天一早就电话通知到位。",
        "顾客投诉后你第一时间道歉并给出方案，当天就把问题解决了。",
        "给行动不便的顾客送药到门口，顾客专门打电话来感谢。",
        "新同事上岗第一周，你手把手带教，毫无保留。",
        "回访电话准时打出，顾客说从没见过这么用心的药店。",
        "主动为顾客测量血压并讲解日常注意事项，顾客很感动。",
        "陈列整理得清清楚楚，顾客一进门就找到了需要的商品。",
        "遇到情绪激动的顾客，你始终保持微笑和耐心，化解了矛盾。",
        "医保报销流程讲得明明白白，顾客少跑了一趟。",
        "下班前仍留下来帮顾客查完了会员积分，服务有始有终。",
        "主动提醒顾客药品快过期了，帮他换成了新批次。",
        "儿童用药剂量算得仔细，还写在了药盒上，家长非常放心。",
        "神秘顾客检查中问候、推荐、道别全部到位，为门店争了光。",
        "雨天主动在门口放置防滑垫和雨伞架，细节做得好。",
        "慢病顾客的用药记录整理得一丝不苟，续方时一目了然。",
    };
    private static final String[] TEAM_DEEDS = {
        "本周柜组配合默契，午高峰没有一位顾客等候超过五分钟。",
        "大家一起完成了季度盘点，账实相符，辛苦了！",
        "柜组本月零有效投诉，感谢每一位同事的用心。",
        "促销活动期间分工明确，忙而不乱，顾客评价很高。",
    };
    private static final String[] PRAISE_DEEDS = {
        "顾客专门来信表扬你的耐心讲解，这就是我们要的服务。",
        "收到顾客的感谢，你把标准做到了顾客心里。",
        "顾客点名表扬你，大家都要向你学习。",
    };
    private final RecognitionHistoryImport history;
    private final StaffCaseFigures cases;
    private final StandardService standards;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRecognition(RecognitionHistoryImport history, StaffCaseFigures cases, StandardService standards, JdbcClient jdbc,
                    Clock clock) {
        this.history = history;
        this.cases = cases;
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who works at an outlet: its managers (the writers), its staff and its teams. */
    private record Outlet(long id, List<Long> managers, List<Long> staff, List<Long> teams) {
    }

    /** Loads the notes; answers how many. */
    public int load(List<OrgUnit> outlets) {
        // a stream of its own: the notes do not shift the draws of the demo parts loaded before them
        Random rnd = new Random(20261130L);
        List<Long> standardIds = standards.list(DemoTeam.OUTLET_TYPE, false).stream().map(Standard::id).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
        LocalDate first = today.minusMonths(DemoData.MONTHS);
        List<PastNote> notes = new ArrayList<>();
        List<Outlet> staffed = outlets.stream().map(this::outlet).filter(o -> !o.managers().isEmpty() && !o.staff().isEmpty())
                .toList();
        for (Outlet o : staffed) {
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                if (rnd.nextInt(4) != 0) {
                    continue;
                }
                OffsetDateTime at = day.atTime(17 + rnd.nextInt(4), rnd.nextInt(60)).atZone(SHANGHAI).toOffsetDateTime();
                long writer = o.managers().get(rnd.nextInt(o.managers().size()));
                Long standard = standardIds.isEmpty() || rnd.nextInt(5) < 2 ? null
                        : standardIds.get(rnd.nextInt(standardIds.size()));
                if (!o.teams().isEmpty() && rnd.nextInt(10) == 0) {
                    notes.add(new PastNote(o.id(), null, o.teams().get(rnd.nextInt(o.teams().size())), writer,
                            TEAM_DEEDS[rnd.nextInt(TEAM_DEEDS.length)], standard, null, null, at));
                } else {
                    notes.add(new PastNote(o.id(), o.staff().get(rnd.nextInt(o.staff().size())), null, writer,
                            DEEDS[rnd.nextInt(DEEDS.length)], standard, null, null, at));
                }
            }
        }
        OffsetDateTime since = first.atStartOfDay(SHANGHAI).toOffsetDateTime();
        OffsetDateTime recent = now.minusDays(30);
        for (StaffCaseFigures.PraiseCase p : cases.praiseOwned(OutletScope.EVERYTHING, since, 5000)) {
            Outlet o = staffed.stream().filter(x -> x.id() == p.outletId()).findFirst().orElse(null);
            OffsetDateTime at = p.createdAt().plusDays(1 + rnd.nextInt(2));
            if (o != null && o.staff().contains(p.personId()) && p.createdAt().isBefore(recent) && rnd.nextBoolean()
                    && at.isBefore(now)) {
                notes.add(new PastNote(o.id(), p.personId(), null, o.managers().getFirst(),
                        PRAISE_DEEDS[rnd.nextInt(PRAISE_DEEDS.length)], null, RecognitionLink.CASE, p.caseId(), at));
            }
        }
        return history.load(notes);
    }

    private Outlet outlet(OrgUnit unit) {
        List<Long> managers = jdbc.sql("SELECT id FROM person WHERE active = TRUE AND role = 'MANAGER' AND scope_unit_id = :o "
                + "ORDER BY id").param("o", unit.id()).query(Long.class).list();
        List<Long> staff = jdbc.sql("""
                SELECT p.id FROM person p LEFT JOIN org_unit t ON t.id = p.scope_unit_id
                WHERE p.active = TRUE AND p.role = 'STAFF' AND (p.scope_unit_id = :o OR (t.kind = 'TEAM' AND t.parent_id = :o))
                ORDER BY p.id""").param("o", unit.id()).query(Long.class).list();
        List<Long> teams = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'TEAM' AND parent_id = :o ORDER BY id")
                .param("o", unit.id()).query(Long.class).list();
        return new Outlet(unit.id(), managers, staff, teams);
    }
}
