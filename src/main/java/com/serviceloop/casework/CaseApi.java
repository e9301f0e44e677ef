package com.serviceloop.casework;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.TableWriter;
import com.serviceloop.platform.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Complaints and requests: ownership, lifecycle, follow-up calls, recovery, SLA clocks")
class CaseApi {
    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseExport caseExport;
    private final Attachments attachments;
    private final BulkCases bulk;

    CaseApi(CaseService cases, CaseQueries queries, CaseExport caseExport, Attachments attachments, BulkCases bulk) {
        this.cases = cases;
        this.queries = queries;
        this.caseExport = caseExport;
        this.attachments = attachments;
        this.bulk = bulk;
    }

    @Operation(summary = "Cases in scope: a queue (ALL, MINE, TEAM, OVERDUE, DUE_SOON), filters and a text search (q)")
    @Roles.SignedIn
    @GetMapping("/cases")
    public PageResult<SupportCase> list(@AuthenticationPrincipal AppUser user, @Valid CaseFilterParams filter,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return queries.list(user, filter.toFilter(), PageRequest.of(page, size));
    }

    @Operation(summary = "The same list as CSV (all pages, up to 1,000,000 rows)")
    @Roles.SignedIn
    @GetMapping(value = "/cases/export", produces = "text/csv")
    public void export(@AuthenticationPrincipal AppUser user, @Valid CaseFilterParams filter,
                       HttpServletResponse response) throws IOException {
        caseExport.export(user, filter.toFilter(), TableWriter.download(response, "cases", false, "cases"));
    }

    @Operation(summary = "The same list as an Excel workbook (xlsx; typed numbers and dates, up to 1,000,000 rows)")
    @Roles.SignedIn
    @GetMapping(value = "/cases/export.xlsx", produces = XlsxDownload.CONTENT_TYPE)
    public void exportXlsx(@AuthenticationPrincipal AppUser user, @Valid CaseFilterParams filter,
                           HttpServletResponse response) throws IOException {
        caseExport.export(user, filter.toFilter(), TableWriter.download(response, "cases", true, "cases"));
    }

    @Operation(summary = "Record a case; the person recording it owns it (first-contact responsibility). "
            + "Give customerId, or customerName (and phone) to create the customer on the spot")
    @Roles.FrontLine
    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    public SupportCase create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody CaseForm form) {
        return cases.record(user, form);
    }

    @Roles.SignedIn
    @GetMapping("/cases/{id}")
    public SupportCase get(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return cases.get(user, id);
    }

    @Operation(summary = "Move the case along its lifecycle; send the version you read (409 when stale). "
            + "Closing goes through the follow-up call or a waiver")
    @Roles.FrontLine
    @PostMapping("/cases/{id}/status")
    public SupportCase move(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                            @Valid @RequestBody CaseCommands.Move move) {
        return cases.move(user, id, move);
    }

    @Operation(summary = "Hand the case over to a named person or a team, with a reason")
    @Roles.FrontLine
    @PostMapping("/cases/{id}/handover")
    public SupportCase handOver(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody CaseCommands.HandOver handOver) {
        return cases.handOver(user, id, handOver);
    }

    @Operation(summary = "Record the follow-up call: satisfied (3-5) closes the case, 1-2 reopens it, not reached keeps it waiting")
    @Roles.FrontLine
    @PostMapping("/cases/{id}/follow-up")
    public SupportCase followUp(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                @Valid @RequestBody CaseCommands.FollowUp followUp) {
        return cases.followUp(user, id, followUp);
    }

    @Operation(summary = "A manager closes a resolved case without the follow-up call, giving the reason")
    @Roles.Managers
    @PostMapping("/cases/{id}/waive-follow-up")
    public SupportCase waive(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                             @Valid @RequestBody CaseCommands.Waiver waiver) {
        return cases.waive(user, id, waiver);
    }

    @Roles.SignedIn
    @GetMapping("/cases/{id}/follow-ups")
    public List<FollowUpRecord> followUps(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return queries.followUps(user, id);
    }

    @Operation(summary = "Recovery and learning: remedy, its cost, the standards breached, mark as a problem")
    @Roles.FrontLine
    @PutMapping("/cases/{id}/recovery")
    public SupportCase recover(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                               @Valid @RequestBody CaseCommands.Recovery recovery) {
        return cases.recover(user, id, recovery);
    }

    @Operation(summary = "Ids of the standards this case breached")
    @Roles.SignedIn
    @GetMapping("/cases/{id}/standards")
    public List<Long> standards(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return queries.standards(user, id);
    }

    @Operation(summary = "The append-only history: who, when, what")
    @Roles.SignedIn
    @GetMapping("/cases/{id}/events")
    public List<CaseEvent> events(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return queries.history(user, id);
    }

    @Operation(summary = "SLA clocks: first response, resolution, follow-up, with warning points and deadlines")
    @Roles.SignedIn
    @GetMapping("/cases/{id}/clocks")
    public List<CaseClock> clocks(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return queries.clocks(user, id);
    }

    @Operation(summary = "Attach a photo or PDF (up to 10 MB; the type is checked from the content)")
    @Roles.FrontLine
    @PostMapping(value = "/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Attachments.Attachment attach(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                         @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return attachments.add(user, id, file.getOriginalFilename(), in);
        }
    }

    @Roles.SignedIn
    @GetMapping("/cases/{id}/attachments")
    public List<Attachments.Attachment> attachments(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return attachments.list(user, id);
    }

    @Roles.SignedIn
    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> attachment(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                             @PathVariable long attachmentId) {
        Attachments.Content c = attachments.get(user, id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    @Operation(summary = "Managers: hand over, move or mark many cases at once; the answer lists each case's outcome")
    @Roles.Managers
    @PostMapping("/cases/bulk")
    public List<CaseCommands.BulkResult> bulk(@AuthenticationPrincipal AppUser user,
                                              @Valid @RequestBody CaseCommands.Bulk request) {
        return bulk.apply(user, request);
    }

    @Operation(summary = "Follow-up calls due by the end of the day (overdue included): yours, a person's, or everyone's (all=true)")
    @Roles.SignedIn
    @GetMapping("/follow-ups/due")
    public List<CaseQueries.CallDue> callsDue(@AuthenticationPrincipal AppUser user,
                                              @RequestParam(required = false) Long personId,
                                              @RequestParam(defaultValue = "false") boolean all,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return queries.callsDue(user, all ? null : personId == null ? user.id() : personId,
                date == null ? queries.today() : date);
    }

    /** Query parameters of the case lists. */
    public record CaseFilterParams(CaseFilter.Queue queue, CaseStatus status, CaseType caseType, Severity severity,
                                   Long outletId, Boolean problem, Boolean open,
                                   @Size(max = 200) String q,
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @Size(max = 32) String topic) {
        CaseFilter toFilter() {
            return new CaseFilter(queue, status, caseType, severity, outletId, problem, open, q, from, to,
                    topic == null || topic.isBlank() ? null : topic);
        }
    }
}
