package com.serviceloop.customer;

import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.Roles;
import com.serviceloop.platform.ImportReport;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.platform.PageResult;
import com.serviceloop.platform.TableWriter;
import com.serviceloop.platform.XlsxDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@Tag(name = "Customers", description = "Customer profiles, visits, tiers, value and loyalty")
class CustomerApi {
    private final CustomerService customers;
    private final CustomerImportService customerFiles;
    private final VisitImportService visitFiles;
    private final InsightSettingsService settings;

    public CustomerApi(CustomerService customers, CustomerImportService customerFiles, VisitImportService visitFiles,
                       InsightSettingsService settings) {
        this.customers = customers;
        this.customerFiles = customerFiles;
        this.visitFiles = visitFiles;
        this.settings = settings;
    }

    @Operation(summary = "Search customers by name, phone or member number (paged)")
    @Roles.SignedIn
    @GetMapping("/customers")
    public PageResult<Customer> search(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return customers.search(user, q, PageRequest.of(page, size));
    }

    @Roles.SignedIn
    @GetMapping("/customers/{id}")
    public Customer get(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return customers.get(user, id);
    }

    @Roles.FrontLine
    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    public Customer create(@AuthenticationPrincipal AppUser user, @Valid @RequestBody CustomerForm form) {
        return customers.create(user, form);
    }

    @Operation(summary = "Update a customer; send the version you read to be protected from lost updates (409)")
    @Roles.FrontLine
    @PutMapping("/customers/{id}")
    public Customer update(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                           @Valid @RequestBody CustomerForm form) {
        return customers.update(user, id, form);
    }

    @Operation(summary = "Frequency tier, customer value and loyalty class")
    @Roles.SignedIn
    @GetMapping("/customers/{id}/insight")
    public CustomerInsight insight(@AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return customers.insight(user, id);
    }

    @Roles.SignedIn
    @GetMapping("/customers/{id}/visits")
    public PageResult<Visit> visits(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return customers.visits(user, id, PageRequest.of(page, size));
    }

    @Roles.FrontLine
    @PostMapping("/customers/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Long> addVisit(@AuthenticationPrincipal AppUser user, @PathVariable long id,
                                      @Valid @RequestBody VisitForm form) {
        return Map.of("id", customers.addVisit(user, id, form));
    }

    @Operation(summary = "Import customers from CSV (member_no is the key: re-importing updates, never duplicates)")
    @Roles.Managers
    @PostMapping(value = "/customers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importCustomers(@AuthenticationPrincipal AppUser user, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return customerFiles.importCustomers(user, in);
        }
    }

    @Operation(summary = "Export the customers in scope as CSV (the import layout)")
    @Roles.Managers
    @GetMapping(value = "/customers/export", produces = "text/csv")
    public void export(@AuthenticationPrincipal AppUser user, HttpServletResponse response) throws IOException {
        customerFiles.exportCustomers(user, TableWriter.download(response, "customers", false, "customers"));
    }

    @Operation(summary = "Export the customers in scope as an Excel workbook (xlsx), same columns as the CSV")
    @Roles.Managers
    @GetMapping(value = "/customers/export.xlsx", produces = XlsxDownload.CONTENT_TYPE)
    public void exportXlsx(@AuthenticationPrincipal AppUser user, HttpServletResponse response) throws IOException {
        customerFiles.exportCustomers(user, TableWriter.download(response, "customers", true, "customers"));
    }

    @Operation(summary = "Import visits/purchases from a POS CSV; duplicates of earlier imports are skipped")
    @Roles.Managers
    @PostMapping(value = "/visits/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importVisits(@AuthenticationPrincipal AppUser user, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return visitFiles.importVisits(user, in);
        }
    }

    @Operation(summary = "Customers per outlet by frequency tier (last 12 months)")
    @Roles.SignedIn
    @GetMapping("/outlets/tier-mix")
    public List<TierMix> tierMix(@AuthenticationPrincipal AppUser user) {
        return customers.tierMix(user);
    }

    @Roles.SignedIn
    @GetMapping("/settings/insight")
    public InsightSettings insightSettings() {
        return settings.current();
    }

    @Roles.ChainWide
    @PutMapping("/settings/insight")
    public InsightSettings saveInsightSettings(@Valid @RequestBody InsightSettings s) {
        return settings.save(s);
    }
}
