package com.serviceloop.customer;

import com.serviceloop.customer.Customer.AgeBand;
import com.serviceloop.customer.Customer.Education;
import com.serviceloop.customer.Customer.Gender;
import com.serviceloop.customer.Customer.IncomeBand;
import com.serviceloop.customer.Customer.SocialClass;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Consent flags may be left out (an unticked box sends nothing): absent means no. */
public record CustomerForm(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{validation.code}") String memberNo,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) @Pattern(regexp = "^$|[+0-9 ()-]{5,40}", message = "{validation.phone}") String phone,
        @Email @Size(max = 200) String email,
        @NotNull Long homeOutletId,
        Gender gender,
        AgeBand ageBand,
        IncomeBand incomeBand,
        Education education,
        SocialClass socialClass,
        @Size(max = 1000) String valuesNote,
        @Size(max = 1000) String attitudes,
        @Size(max = 1000) String habits,
        @Size(max = 1000) String preferences,
        @Size(max = 1000) String expectations,
        @Min(0) @Max(10) Integer wouldRecommend,
        Boolean consentContact,
        Boolean consentSurvey,
        Boolean consentAnalysis,
        Integer version) {

    public static CustomerForm from(Customer c) {
        return new CustomerForm(c.memberNo(), c.name(), c.phone(), c.email(), c.homeOutletId(), c.gender(),
                c.ageBand(), c.incomeBand(), c.education(), c.socialClass(), c.valuesNote(), c.attitudes(),
                c.habits(), c.preferences(), c.expectations(), c.wouldRecommend(), c.consentContact(),
                c.consentSurvey(), c.consentAnalysis(), c.version());
    }
}
