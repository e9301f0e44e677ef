package com.serviceloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.serviceloop.Fixtures;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Role;
import com.serviceloop.platform.Notices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** The schedules page and its API, the daily reminders (DUE a week before, OVERDUE the day after) and the audit notices. */
class AuditSchedulesIntegrationTest extends AuditApiTest {
    @Autowired AuditReminders reminders;
    @Autowired Notices notices;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private ResultActions patchJson(String url, String token, Object body) throws Exception {
        return call(patch(url).contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s
                : json.writeValueAsString(body)), token);
    }

    private JsonNode schedule(long form, LocalDate firstDue, Long assigneeId) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("outletId", outletA.id(), "formId", form, "everyMonths", 1,
                "firstDue", firstDue.toString()));
        if (assigneeId != null) {
            body.put("assigneeId", assigneeId);
        }
        return body(postJson("/api/v1/audit-schedules", admin, body).andExpect(status().isCreated()));
    }

    private List<String> sent(long scheduleId) {
        return jdbc.sql("SELECT kind || ' ' || due_on FROM audit_reminder WHERE schedule_id = :s ORDER BY id")
                .param("s", scheduleId).query(String.class).list();
    }

    private long mails(String to) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE target = :t").param("t", to).query(Long.class).single();
    }

    @Test
    void theAssigneeIsRemindedAWeekBeforeAndTheDayAfterTheDueDateOnceEach() throws Exception {
        long form = publishedForm();
        String email = Fixtures.unique("auditor") + "@example.com";
        AppUser auditor = fixtures.person(Role.AUDITOR, region.id(), null, email);
        LocalDate today = LocalDate.now(clock);
        // due in 10 days: DUE goes out 7 days before (day 3), OVERDUE the day after the due date (day 11)
        long id = schedule(form, today.plusDays(10), auditor.id()).get("id").asLong();
        LocalDate due = today.plusDays(10);

        reminders.run(today);
        reminders.run(today.plusDays(2));
        assertThat(sent(id)).isEmpty();
        reminders.run(today.plusDays(3));
        assertThat(sent(id)).containsExactly("DUE " + due);
        reminders.run(today.plusDays(3));
        reminders.run(today.plusDays(10));
        assertThat(sent(id)).as("once per due date and kind").containsExactly("DUE " + due);
        reminders.run(today.plusDays(11));
        reminders.run(today.plusDays(12));
        assertThat(sent(id)).containsExactly("DUE " + due, "OVERDUE " + due);
        assertThat(mails(email)).isEqualTo(2);

        List<Notices.Notice> inbox = notices.recent(auditor.id(), 10);
        assertThat(inbox).extracting(Notices.Notice::kind).containsExactly("AUDIT_OVERDUE", "AUDIT_DUE");
        assertThat(notices.text(inbox.get(1), Locale.ENGLISH))
                .isEqualTo("The audit of Outlet A (Monthly walk-around) is due on " + due);
        assertThat(notices.text(inbox.get(0), Locale.CHINESE))
                .isEqualTo("Outlet A 的审核（Monthly walk-around）应于 " + due + " 完成，现已逾期");

        // an audit started from the schedule takes that date; the reminders follow the next one, a month later
        postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form, "scheduleId", id))
                .andExpect(status().isCreated());
        LocalDate next = due.plusMonths(1);
        reminders.run(today.plusDays(12));
        reminders.run(next.minusDays(8));
        assertThat(sent(id)).hasSize(2);
        reminders.run(next.minusDays(7));
        assertThat(sent(id)).containsExactly("DUE " + due, "OVERDUE " + due, "DUE " + next);

        // paused: no reminder for the next due date; nobody assigned: none either
        patchJson("/api/v1/audit-schedules/" + id, admin, Map.of("active", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.assigneeId").value(auditor.id()));
        reminders.run(next.plusDays(1));
        assertThat(sent(id)).hasSize(3);
        long nobody = schedule(form, today.minusDays(3), null).get("id").asLong();
        reminders.run(today);
        assertThat(sent(nobody)).isEmpty();
    }

    @Test
    void aScheduleChangesOnlyWhatTheRequestNames() throws Exception {
        long form = publishedForm();
        AppUser auditor = fixtures.person(Role.AUDITOR, region.id());
        AppUser manager = fixtures.person(Role.MANAGER, outletA.id());
        LocalDate first = LocalDate.now(clock).plusDays(20);
        long id = schedule(form, first, auditor.id()).get("id").asLong();
        String url = "/api/v1/audit-schedules/" + id;

        patchJson(url, admin, Map.of("assigneeId", manager.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(manager.id())).andExpect(jsonPath("$.everyMonths").value(1))
                .andExpect(jsonPath("$.active").value(true)).andExpect(jsonPath("$.state").value("UPCOMING"));
        patchJson(url, admin, Map.of("everyMonths", 3)).andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(manager.id())).andExpect(jsonPath("$.everyMonths").value(3));
        patchJson(url, admin, Map.of("active", false)).andExpect(status().isOk());
        assertThat(body(getJson("/api/v1/audit-schedules", admin)).findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(id);
        assertThat(body(getJson("/api/v1/audit-schedules?all=true", admin)).findValues("id")).extracting(JsonNode::asLong)
                .contains(id);
        patchJson(url, admin, Map.of("active", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.everyMonths").value(3)).andExpect(jsonPath("$.nextDue").value(first.toString()));

        // bad input, refused by field; nothing changed
        patchJson(url, admin, Map.of("everyMonths", 13)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("everyMonths"));
        patchJson(url, admin, Map.of("everyMonths", 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("everyMonths"));
        patchJson(url, admin, "{\"everyMonths\": 1.5}").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("everyMonths")));
        patchJson(url, admin, Map.of("assigneeId", 987654321L)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        AppUser clerk = fixtures.person(Role.STAFF, outletA.id());
        patchJson(url, admin, Map.of("assigneeId", clerk.id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        patchJson("/api/v1/audit-schedules/987654321", admin, Map.of("active", true)).andExpect(status().isNotFound());
        patchJson(url, token(fixtures.person(Role.STAFF, outletA.id())), Map.of("active", false))
                .andExpect(status().isForbidden());
        postJson("/api/v1/audit-schedules", admin, Map.of("outletId", outletA.id(), "formId", form, "everyMonths", 0,
                "firstDue", first.toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("everyMonths"));
        postJson("/api/v1/audit-schedules", admin, Map.of("outletId", outletA.id(), "formId", form, "everyMonths", 1,
                "firstDue", "2999-01-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstDue"));
        JsonNode kept = body(getJson(url.replace("/" + id, "") + "?all=true", admin));
        for (JsonNode s : kept) {
            if (s.get("id").asLong() == id) {
                assertThat(s.get("everyMonths").asInt()).isEqualTo(3);
                assertThat(s.get("assigneeId").asLong()).isEqualTo(manager.id());
            }
        }
    }

    @Test
    void theSchedulesPageListsPlansAndRefusesBadInputInWords() throws Exception {
        long form = publishedForm();
        AppUser manager = fixtures.person(Role.MANAGER, region.id());
        AppUser auditor = fixtures.person(Role.AUDITOR, region.id());
        LocalDate today = LocalDate.now(clock);
        schedule(form, today.minusDays(2), auditor.id());

        mvc.perform(get("/audits/schedules").with(user(manager)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("审核计划")))
                .andExpect(content().string(containsString("已逾期"))).andExpect(content().string(containsString("新建计划")));
        mvc.perform(get("/audits/schedules").with(user(manager)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Audit schedules")))
                .andExpect(content().string(containsString("Overdue")));
        mvc.perform(get("/audits").with(user(manager)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("/audits/schedules")));
        mvc.perform(get("/audits/schedules").with(user(fixtures.person(Role.STAFF, outletA.id()))))
                .andExpect(status().isForbidden());

        String[][] bad = {{"everyMonths", "0"}, {"everyMonths", "13"}, {"everyMonths", "1.5"},
                {"assigneeId", "987654321"}, {"firstDue", today.plusYears(5).toString()}, {"firstDue", "soon"}};
        String[] words = {"1 to 12", "1 to 12", "1 to 12", "no active auditor or manager", "within two years",
                "within two years"};
        for (int i = 0; i < bad.length; i++) {
            Map<String, String> fields = new HashMap<>(Map.of("outletId", String.valueOf(outletA.id()),
                    "formId", String.valueOf(form), "everyMonths", "1", "firstDue", today.toString()));
            fields.put(bad[i][0], bad[i][1]);
            var request = post("/audits/schedules").with(user(manager)).with(csrf()).header("Accept-Language", "en");
            fields.forEach(request::param);
            mvc.perform(request).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("error", containsString(words[i])));
        }
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_schedule WHERE outlet_id = :o").param("o", outletA.id())
                .query(Long.class).single();
        mvc.perform(post("/audits/schedules").with(user(manager)).with(csrf()).param("outletId", String.valueOf(outletA.id()))
                .param("formId", String.valueOf(form)).param("everyMonths", "3").param("assigneeId", String.valueOf(auditor.id()))
                .param("firstDue", today.plusDays(30).toString())).andExpect(flash().attributeExists("notice"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_schedule WHERE outlet_id = :o").param("o", outletA.id())
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aCriticalMissAndACorrectiveActionLandInTheInboxOfThoseConcerned() throws Exception {
        long form = publishedForm();
        AppUser regionManager = fixtures.person(Role.MANAGER, region.id());
        AppUser owner = fixtures.person(Role.MANAGER, outletA.id());
        long audit = body(postJson("/api/v1/audits", admin, Map.of("outletId", outletA.id(), "formId", form))
                .andExpect(status().isCreated())).get("id").asLong();
        String url = "/api/v1/audits/" + audit;
        Map<String, Long> item = items(body(getJson(url, admin)).get("form"));
        long greetItem = item.get("Greet every customer within 30 seconds");
        postJson(url + "/answers", admin, answer(greetItem, "n-1-000000", Map.of("measured", 45))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Smile and make eye contact when greeting"), "n-2-000000",
                Map.of("choice", "MET"))).andExpect(status().isOk());
        postJson(url + "/answers", admin, answer(item.get("Counter tidy and stocked"), "n-3-000000", Map.of("scale", 3)));
        mvc.perform(multipart(url + "/items/" + item.get("Photo of the shop front") + "/photos")
                .file(new MockMultipartFile("file", "x.png", "image/png", PNG)).header("Authorization", "Bearer " + admin))
                .andExpect(status().isCreated());
        postJson(url + "/submit", admin, "").andExpect(status().isOk());

        List<Notices.Notice> told = notices.recent(regionManager.id(), 5);
        assertThat(told).extracting(Notices.Notice::kind).containsExactly("AUDIT_CRITICAL");
        assertThat(told.getFirst().link()).isEqualTo("/audits/" + audit);
        assertThat(notices.text(told.getFirst(), Locale.ENGLISH))
                .isEqualTo("Audit #" + audit + " of Outlet A missed critical items: Greet every customer within 30 seconds");

        LocalDate due = LocalDate.now(clock).plusDays(14);
        postJson(url + "/actions", admin, Map.of("itemId", greetItem, "ownerId", owner.id(), "dueOn", due.toString(),
                "description", "Greeting drill at the morning briefing")).andExpect(status().isCreated());
        List<Notices.Notice> mine = notices.recent(owner.id(), 5);
        assertThat(mine).extracting(Notices.Notice::kind).containsExactly("AUDIT_ACTION");
        assertThat(notices.text(mine.getFirst(), Locale.ENGLISH))
                .isEqualTo("A corrective action is yours: Greet every customer within 30 seconds at Outlet A, due " + due);

        // the case inbox shows it, and reading it there clears it
        mvc.perform(get("/inbox").with(user(owner)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("整改措施")));
        assertThat(notices.unread(owner.id())).isEqualTo(1);
        mvc.perform(post("/inbox/notices/read").with(user(owner)).with(csrf()).param("id",
                String.valueOf(mine.getFirst().id()))).andExpect(status().is3xxRedirection());
        assertThat(notices.unread(owner.id())).isZero();
    }
}
