package com.serviceloop.customer;

import com.serviceloop.customer.Customer.AgeBand;
import com.serviceloop.customer.Customer.Education;
import com.serviceloop.customer.Customer.Gender;
import com.serviceloop.customer.Customer.IncomeBand;
import com.serviceloop.customer.Customer.SocialClass;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.platform.CsvFiles;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** The customer file: one layout for import and export, so an export can be edited and brought back. */
final class CustomerCsv {
    static final List<String> COLUMNS = List.of("member_no", "name", "phone", "email", "home_outlet_code", "gender",
            "age_band", "income_band", "education", "social_class", "would_recommend", "consent_contact",
            "consent_survey", "consent_analysis", "values", "attitudes", "habits", "preferences", "expectations");
    static final List<String> REQUIRED = List.of("member_no", "name", "home_outlet_code");

    /** Form fields named as the file names them, for error messages. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("memberNo", "member_no"), Map.entry("homeOutletId", "home_outlet_code"),
            Map.entry("ageBand", "age_band"), Map.entry("incomeBand", "income_band"),
            Map.entry("socialClass", "social_class"), Map.entry("wouldRecommend", "would_recommend"),
            Map.entry("valuesNote", "values"));

    record Parsed(CustomerForm form, String field, String error) {
        static Parsed bad(String field, String error) {
            return new Parsed(null, field, error);
        }
    }

    private CustomerCsv() {
    }

    static Parsed parse(CSVRecord r, Map<String, OrgUnit> outletsByCode, Validator validator) {
        String outletCode = CsvFiles.cell(r, "home_outlet_code");
        OrgUnit outlet = outletCode == null ? null : outletsByCode.get(outletCode);
        if (outletCode != null && outlet == null) {
            return Parsed.bad("home_outlet_code", "No outlet with code '" + outletCode + "' in your scope");
        }
        CustomerForm form;
        try {
            form = new CustomerForm(CsvFiles.cell(r, "member_no"), CsvFiles.cell(r, "name"), CsvFiles.cell(r, "phone"),
                    CsvFiles.cell(r, "email"), outlet == null ? null : outlet.id(),
                    enumCell(r, "gender", Gender.class), enumCell(r, "age_band", AgeBand.class),
                    enumCell(r, "income_band", IncomeBand.class), enumCell(r, "education", Education.class),
                    enumCell(r, "social_class", SocialClass.class), CsvFiles.cell(r, "values"),
                    CsvFiles.cell(r, "attitudes"), CsvFiles.cell(r, "habits"), CsvFiles.cell(r, "preferences"),
                    CsvFiles.cell(r, "expectations"), intCell(r, "would_recommend"), boolCell(r, "consent_contact"),
                    boolCell(r, "consent_survey"), boolCell(r, "consent_analysis"), null);
        } catch (CellException e) {
            return Parsed.bad(e.column, e.getMessage());
        }
        Set<ConstraintViolation<CustomerForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<CustomerForm> v = violations.stream()
                    .min(Comparator.comparing(x -> x.getPropertyPath().toString())).orElseThrow();
            String field = v.getPropertyPath().toString();
            return Parsed.bad(COLUMN_OF.getOrDefault(field, field), v.getMessage());
        }
        return new Parsed(form, null, null);
    }

    /** One customer's cells in the order of {@link #COLUMNS} (the import layout). */
    static Object[] cells(Customer c, String outletCode) {
        return new Object[] {c.memberNo(), c.name(), c.phone(), c.email(), outletCode, c.gender(), c.ageBand(),
                c.incomeBand(), c.education(), c.socialClass(), c.wouldRecommend(), c.consentContact(),
                c.consentSurvey(), c.consentAnalysis(), c.valuesNote(), c.attitudes(), c.habits(), c.preferences(),
                c.expectations()};
    }

    private static <E extends Enum<E>> E enumCell(CSVRecord r, String column, Class<E> type) {
        String v = CsvFiles.cell(r, column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new CellException(column, "Unknown value '" + v + "'; use one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Integer intCell(CSVRecord r, String column) {
        String v = CsvFiles.cell(r, column);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new CellException(column, "'" + v + "' is not a whole number");
        }
    }

    private static boolean boolCell(CSVRecord r, String column) {
        String v = CsvFiles.cell(r, column);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> throw new CellException(column, "'" + v + "' is not yes/no");
        };
    }

    static final class CellException extends RuntimeException {
        final String column;

        CellException(String column, String message) {
            super(message);
            this.column = column;
        }
    }
}
