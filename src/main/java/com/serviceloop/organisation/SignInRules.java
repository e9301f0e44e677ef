package com.serviceloop.organisation;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.NotFoundException;
import com.serviceloop.platform.Text;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single sign-on mapping an administrator edits: which directory groups or token claims give which
 * role and scope unit. Rules are checked when saved (known role, a pattern that compiles, a unit code
 * that exists or captures the pattern has), and again at each sign-in, where the unit a capture names
 * must exist. A person no rule matches gets no role at all.
 */
@Service
public class SignInRules {
    /** The claim a rule reads when none is given; LDAP sign-ins carry their groups under it. */
    public static final String GROUPS = "groups";
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\d+)|\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private final SignInRuleRepository rules;
    private final OrgRepository units;

    SignInRules(SignInRuleRepository rules, OrgRepository units) {
        this.rules = rules;
        this.units = units;
    }

    /** What a matched rule gives: the role, the unit (null for administrators), and the rule and value that matched. */
    record Mapping(Role role, OrgUnit unit, SignInRule rule, String value) {
        Long scopeUnitId() {
            return unit == null ? null : unit.id();
        }
    }

    public List<SignInRule> list() {
        return rules.findAll();
    }

    public SignInRule get(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Sign-in rule", id));
    }

    @Transactional
    public SignInRule create(SignInRuleForm form) {
        Checked c = check(form);
        int position = form.position() == null ? rules.nextPosition() : form.position();
        return get(rules.insert(position, c.claim, form.pattern(), c.role, c.unitCode));
    }

    @Transactional
    public SignInRule update(long id, SignInRuleForm form) {
        SignInRule current = get(id);
        Checked c = check(form);
        int position = form.position() == null ? current.position() : form.position();
        int version = form.version() == null ? current.version() : form.version();
        if (!rules.update(id, position, c.claim, form.pattern(), c.role, c.unitCode, version)) {
            throw ConflictException.of("error.signIn.changed", String.valueOf(id));
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (!rules.delete(id)) {
            throw new NotFoundException("Sign-in rule", id);
        }
    }

    private record Checked(String claim, Role role, String unitCode) {
    }

    private Checked check(SignInRuleForm f) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(f.role().strip())).findFirst()
                .orElseThrow(() -> BadInputException.of("role", "error.signIn.role", f.role().strip(),
                        Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))));
        Pattern pattern;
        try {
            pattern = Pattern.compile(f.pattern());
        } catch (PatternSyntaxException e) {
            throw BadInputException.of("pattern", "error.signIn.pattern", e.getDescription(), String.valueOf(e.getIndex()));
        }
        String claim = Text.blankToNull(f.claim()) == null ? GROUPS : f.claim().strip();
        String code = Text.blankToNull(f.unitCode()) == null ? null : f.unitCode().strip();
        if (role == Role.ADMIN) {
            // administrators see everything: a unit would be misleading, so none is kept
            return new Checked(claim, role, null);
        }
        if (code == null) {
            throw BadInputException.of("unitCode", "error.signIn.unitNeeded");
        }
        if (code.indexOf('$') < 0) {
            units.findByCode(code).orElseThrow(() -> BadInputException.of("unitCode", "error.signIn.noUnit", code));
            return new Checked(claim, role, code);
        }
        int groups = pattern.matcher("").groupCount();
        Matcher ref = REFERENCE.matcher(code);
        int found = 0;
        while (ref.find()) {
            found++;
            boolean known = ref.group(1) != null ? Integer.parseInt(ref.group(1)) >= 1 && Integer.parseInt(ref.group(1)) <= groups
                    : pattern.namedGroups().containsKey(ref.group(2));
            if (!known) {
                throw BadInputException.of("unitCode", "error.signIn.capture", ref.group(), String.valueOf(groups));
            }
        }
        if (found == 0 || code.replaceAll(REFERENCE.pattern(), "").contains("$")) {
            throw BadInputException.of("unitCode", "error.signIn.capture", code, String.valueOf(groups));
        }
        return new Checked(claim, role, code);
    }

    /**
     * The first rule, in position order, one of whose claim's values matches its pattern; its unit code
     * with the captures put in must name a unit. Refused when no rule matches or the unit is unknown.
     */
    Mapping resolve(Map<String, ? extends Collection<String>> claims) {
        List<SignInRule> all = rules.findAll();
        for (SignInRule rule : all) {
            // anchored, so that putting the captures in replaces the whole value, as matching took it
            Pattern pattern = Pattern.compile("\\A(?:" + rule.pattern() + ")\\z");
            Collection<String> values = claims.get(rule.claim());
            for (String value : values == null ? List.<String>of() : values) {
                Matcher m = pattern.matcher(value);
                if (!m.find()) {
                    continue;
                }
                if (rule.role() == Role.ADMIN) {
                    return new Mapping(Role.ADMIN, null, rule, value);
                }
                String code = rule.unitCode().indexOf('$') < 0 ? rule.unitCode() : m.replaceFirst(rule.unitCode());
                OrgUnit unit = units.findByCode(code).orElseThrow(() -> new SignInRefused(SignInRefused.Reason.UNIT,
                        "rule " + rule.id() + " matched '" + value + "' but no unit has the code '" + code + "'"));
                return new Mapping(rule.role(), unit, rule, value);
            }
        }
        // what the rules looked at, not the whole token (nonces, hashes)
        Map<String, Collection<String>> read = new TreeMap<>();
        all.forEach(r -> read.put(r.claim(), claims.get(r.claim()) == null ? List.of() : claims.get(r.claim())));
        throw new SignInRefused(SignInRefused.Reason.UNMAPPED, "no sign-in rule matches " + read);
    }
}
