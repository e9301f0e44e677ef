package com.serviceloop.demo;

import com.serviceloop.customer.CustomerBulkLoad;
import com.serviceloop.customer.CustomerBulkLoad.Member;
import com.serviceloop.customer.CustomerBulkLoad.NewCustomer;
import com.serviceloop.customer.CustomerBulkLoad.NewVisit;
import com.serviceloop.customer.VisitKey;
import com.serviceloop.organisation.OrgService;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.OrgUnitForm;
import com.serviceloop.organisation.PersonForm;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.organisation.Role;
import com.serviceloop.organisation.UnitKind;
import com.serviceloop.platform.AppSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pharmacy chain to look at: 2 regions, 6 outlets, 4 teams, 30 staff and 2,000 customers with
 * 18 months of visits. Reproducible (fixed seed) except for the sign-in passwords, which are drawn
 * fresh and printed once, so no password is baked into the code.
 */
@Component
class DemoData {
    public static final int CUSTOMERS = 2000;
    public static final int MONTHS = 18;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "华", "建国", "晓燕", "志强", "海燕", "文", "欣怡"};
    // as a Chinese chain's counter staff would note them: one language per field
    private static final String[] VALUES = {"健康第一，价格其次", "信任药师的建议", "买药时注重隐私", "偏爱知名品牌",
            "货比三家，看重价格", "关注家人健康", "重视用药安全", "喜欢性价比高的商品"};
    private static final String[] HABITS = {"下班后顺路来店", "周末上午来店", "替全家人采购", "电话预订到店自提",
            "每月固定购买慢病用药", "常在午休时间到店"};
    private static final String[] EXPECTATIONS = {"柜台少排队", "用法用量讲清楚", "处方药快吃完时提醒", "药师耐心讲解",
            "结账快速", "会员积分准确"};

    private final OrgService org;
    private final PersonService people;
    private final CustomerBulkLoad customerLoad;
    private final Clock clock;
    private final DemoCases demoCases;
    private final DemoAudits demoAudits;
    private final DemoContacts demoContacts;
    private final DemoLoyalty demoLoyalty;
    private final DemoSurveys demoSurveys;
    private final AppSettings settings;

    public DemoData(OrgService org, PersonService people, CustomerBulkLoad customerLoad, Clock clock,
                    DemoCases demoCases, DemoAudits demoAudits, AppSettings settings, DemoContacts demoContacts,
                    DemoLoyalty demoLoyalty, DemoSurveys demoSurveys) {
        this.demoContacts = demoContacts;
        this.demoSurveys = demoSurveys;
        this.demoLoyalty = demoLoyalty;
        this.demoCases = demoCases;
        this.demoAudits = demoAudits;
        this.settings = settings;
        this.org = org;
        this.people = people;
        this.customerLoad = customerLoad;
        this.clock = clock;
    }

    /** What a load added. Sign-in names map to their one-time passwords. */
    public record Loaded(List<OrgUnit> outlets, int people, int customers, int visits, int cases,
                         Map<String, String> logins) {
    }

    /**
     * Loads the demo once per database: the setting row is a latch, so when several instances start
     * with the demo switched on, only one loads it. Returns null when it was already loaded.
     */
    @Transactional
    public Loaded loadOnce(String suffix) {
        if (!settings.putFirst("demo.loaded" + suffix, "true")) {
            return null;
        }
        return load(suffix);
    }

    /** Codes and usernames get the suffix, so a test can load the demo next to other data. */
    Loaded load(String suffix) {
        Random rnd = new Random(20261124L);
        OrgUnit chain = unit(null, UnitKind.CHAIN, "康宁大药房 Kangning Pharmacy", "KN" + suffix, null, null);
        OrgUnit east = unit(chain.id(), UnitKind.REGION, "华东区 East", "KN-E" + suffix, null, null);
        OrgUnit south = unit(chain.id(), UnitKind.REGION, "华南区 South", "KN-S" + suffix, null, null);
        String[][] shops = {{"人民路店 Renmin Rd", "上海市黄浦区人民路 88 号"}, {"南京西路店 W Nanjing Rd", "上海市静安区南京西路 1266 号"},
                {"解放路店 Jiefang Rd", "杭州市上城区解放路 35 号"}, {"天河店 Tianhe", "广州市天河区天河路 208 号"},
                {"福田店 Futian", "深圳市福田区福华路 12 号"}, {"东门店 Dongmen", "深圳市罗湖区东门中路 6 号"}};
        List<OrgUnit> outlets = new ArrayList<>();
        for (int i = 0; i < shops.length; i++) {
            outlets.add(unit(i < 3 ? east.id() : south.id(), UnitKind.OUTLET, shops[i][0],
                    "KN%02d%s".formatted(i + 1, suffix), "pharmacy", shops[i][1]));
        }
        String[][] teamNames = {{"OTC 柜组 OTC counter", "0"}, {"处方柜组 Prescription counter", "0"},
                {"保健品柜组 Health products", "1"}, {"处方柜组 Prescription counter", "3"}};
        List<OrgUnit> teams = new ArrayList<>();
        for (int i = 0; i < teamNames.length; i++) {
            OrgUnit outlet = outlets.get(Integer.parseInt(teamNames[i][1]));
            teams.add(unit(outlet.id(), UnitKind.TEAM, teamNames[i][0], outlet.code() + "-T" + (i + 1), null, null));
        }
        Map<String, String> logins = new LinkedHashMap<>();
        int staff = 0;
        // scoped to the chain: the one manager who may change standards, surveys and settings for every outlet
        staff += person("服务质量经理 Service quality manager", "quality.manager" + suffix, Role.MANAGER, chain.id(), null,
                logins);
        staff += person("华东区经理 East region manager", "east.manager" + suffix, Role.MANAGER, east.id(), null, logins);
        staff += person("华南区经理 South region manager", "south.manager" + suffix, Role.MANAGER, south.id(), null, logins);
        for (int i = 0; i < outlets.size(); i++) {
            staff += person(outlets.get(i).name().split(" ")[0] + "店长 manager", "manager" + (i + 1) + suffix,
                    Role.MANAGER, outlets.get(i).id(), null, logins);
        }
        staff += person("神秘顾客 Mystery shopper", "auditor1" + suffix, Role.AUDITOR, chain.id(), null, logins);
        staff += person("稽核员 Service auditor", "auditor2" + suffix, Role.AUDITOR, east.id(), null, logins);
        for (int i = 0; staff < 30; i++) {
            OrgUnit outlet = outlets.get(i % outlets.size());
            OrgUnit team = teams.stream().filter(t -> t.parentId().equals(outlet.id())).findFirst().orElse(null);
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
            // a few front-line staff sign in (to record cases and visits); most only appear on scoreboards
            staff += person(name, i < 4 ? "staff" + (i + 1) + suffix : null, Role.STAFF, outlet.id(),
                    team == null ? null : team.id(), logins);
        }
        int visits = customersAndVisits(rnd, outlets, suffix);
        int cases = demoCases.load(rnd, outlets, MONTHS);
        log.info("Demo audits loaded: {}", demoAudits.load(rnd, outlets, MONTHS));
        demoContacts.load(rnd, outlets, suffix);
        long started = System.nanoTime();
        var surveys = demoSurveys.load(outlets, MONTHS);
        log.info("Demo survey answers loaded: {} responses, {} of them made cases, in {} ms", surveys.responses(),
                surveys.cases(), (System.nanoTime() - started) / 1_000_000);
        // last: the customer figures include the customers the contact plans added and the satisfaction they gave
        demoLoyalty.refresh();
        log.info("Demo data loaded: {} outlets, {} people, {} customers, {} visits, {} cases", outlets.size(), staff,
                CUSTOMERS, visits, cases);
        StringBuilder sb = new StringBuilder("Demo sign-in accounts (passwords shown this once):");
        logins.forEach((u, p) -> sb.append("\n    ").append(u).append("  ").append(p));
        log.info(sb.toString());
        return new Loaded(outlets, staff, CUSTOMERS, visits, cases, logins);
    }

    private OrgUnit unit(Long parent, UnitKind kind, String name, String code, String type, String address) {
        return org.create(new OrgUnitForm(parent, kind, name, code, type, address, null));
    }

    private int person(String name, String username, Role role, long scope, Long team, Map<String, String> logins) {
        String password = null;
        if (username != null) {
            byte[] b = new byte[12];
            new SecureRandom().nextBytes(b);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            logins.put(username, password);
        }
        people.create(new PersonForm(name, username, password, role, scope, team, null, null, true, null));
        return 1;
    }

    /**
     * Visit frequency per customer: ~15 % heavy (weekly), 35 % medium (monthly), 30 % light, 20 % lapsed, of whom
     * 4 % of all customers were heavy and 5 % medium the year before.
     */
    private int customersAndVisits(Random rnd, List<OrgUnit> outlets, String suffix) {
        String[] ages = {"AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_64", "AGE_65_PLUS"};
        String[] incomes = {"LOW", "LOWER_MIDDLE", "MIDDLE", "UPPER_MIDDLE", "HIGH"};
        String[] educations = {"SECONDARY", "VOCATIONAL", "BACHELOR", "POSTGRADUATE"};
        String[] classes = {"WORKING", "LOWER_MIDDLE", "MIDDLE", "UPPER_MIDDLE"};
        List<NewCustomer> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            OrgUnit home = outlets.get(rnd.nextInt(outlets.size()));
            Integer recommend = rnd.nextInt(10) < 6 ? Math.min(10, 4 + rnd.nextInt(7) + (rnd.nextBoolean() ? 1 : 0)) : null;
            customers.add(new NewCustomer("D%05d%s".formatted(i + 1, suffix),
                    SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)],
                    "1%02d %04d %04d".formatted(30 + rnd.nextInt(60), rnd.nextInt(10000), rnd.nextInt(10000)),
                    home.id(), rnd.nextBoolean() ? "FEMALE" : "MALE", ages[rnd.nextInt(ages.length)],
                    incomes[rnd.nextInt(incomes.length)], educations[rnd.nextInt(educations.length)],
                    classes[rnd.nextInt(classes.length)], VALUES[rnd.nextInt(VALUES.length)],
                    HABITS[rnd.nextInt(HABITS.length)], EXPECTATIONS[rnd.nextInt(EXPECTATIONS.length)], recommend,
                    rnd.nextInt(10) < 7, rnd.nextInt(10) < 5, rnd.nextInt(10) < 8));
        }
        // member numbers are in order, so the visits below draw from the random stream in that order
        List<Member> members = customerLoad.insertCustomers(customers);
        Map<Long, String> codes = new HashMap<>();
        outlets.forEach(o -> codes.put(o.id(), o.code()));
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        LocalDate start = now.toLocalDate().minusMonths(MONTHS);
        long days = ChronoUnit.DAYS.between(start, now.toLocalDate());
        List<NewVisit> rows = new ArrayList<>();
        for (Member m : members) {
            int p = rnd.nextInt(100);
            // visits over the whole 18 months; the lapsed came only in the first six months, some of them
            // weekly or monthly then (the roster's lapsed heavy and medium customers to win back)
            int count = p < 15 ? 70 + rnd.nextInt(20) : p < 50 ? 16 + rnd.nextInt(10) : p < 80 ? 2 + rnd.nextInt(10)
                    : p < 84 ? 42 + rnd.nextInt(10) : p < 89 ? 10 + rnd.nextInt(6) : 1 + rnd.nextInt(3);
            long window = p >= 80 ? days - 366 : days;
            for (int v = 0; v < count; v++) {
                long offset = (long) (rnd.nextDouble() * window);
                LocalDateTime at = start.plusDays(offset).atTime(8 + rnd.nextInt(13), rnd.nextInt(60));
                if (at.isAfter(now)) {
                    at = now.minusMinutes(rnd.nextInt(600) + 1);
                }
                int items = 1 + (int) Math.round(Math.abs(rnd.nextGaussian()) * 1.5);
                BigDecimal amount = BigDecimal.valueOf(items * (12 + rnd.nextDouble() * 60)).setScale(2, RoundingMode.HALF_UP);
                long outlet = rnd.nextInt(10) < 9 ? m.homeOutletId() : outlets.get(rnd.nextInt(outlets.size())).id();
                rows.add(new NewVisit(m.id(), outlet, at, amount, items,
                        VisitKey.of(m.memberNo(), codes.get(outlet), at, amount, items, null)));
            }
        }
        // the same random draw can repeat a visit; keep the first
        Map<UUID, NewVisit> unique = new LinkedHashMap<>();
        rows.forEach(r -> unique.putIfAbsent(r.dedupKey(), r));
        return customerLoad.insertVisits(new ArrayList<>(unique.values()));
    }
}
