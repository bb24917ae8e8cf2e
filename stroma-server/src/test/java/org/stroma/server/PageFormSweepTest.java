package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every field of every form on every page, as a person in each role finds them, posted with a value no field takes: a
 * character no one types, a text far too long, a blank where the field is required, a word where a number or a date
 * goes. Each is refused with a 4xx page that names the field, and nothing stored changes. The forms are read from the
 * pages themselves (the product steps' fields from the step form's template), so a form added to a page is swept too.
 */
class PageFormSweepTest {
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"([^>]*)>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern OPTION = Pattern.compile("<option(?: value=\"([^\"]*)\")?[^>]*>([^<]*)</option>");

    /** A form as a page gives it: where it posts, its fields with the values they hold, which are required, kinds. */
    private record Form(String page, String action, Map<String, String> values, Set<String> required,
            Map<String, String> kinds) {
    }

    @Test
    void everyFieldOfEveryPagesFormIsRefusedWhenSpoiledNamingItAndNothingStoredChanges() throws Exception {
        try (SweepFixture fixture = SweepFixture.open()) {
            int sent = 0;
            List<String> wrong = new ArrayList<>();
            Set<String> swept = new LinkedHashSet<>();
            for (String user : List.of("admin", "coordinator", "investigator", "celllab", "monitor")) {
                Client c = fixture.client(user);
                for (Form f : forms(c, user)) {
                    swept.add(f.action().replaceAll("/S\\d|/Q\\d+|/U\\d+", "/…"));
                    for (String field : f.values().keySet()) {
                        if (field.equals("_csrf")) {
                            continue;
                        }
                        for (String bad : spoiled(f, field)) {
                            Map<String, String> values = new LinkedHashMap<>(f.values());
                            values.put(field, bad);
                            // a control character is also sent as multipart, as a form with a file sends it
                            for (boolean multipart : bad.contains("\u0000") ? List.of(false, true) : List.of(false)) {
                                long before = fixture.stored();
                                Client.Reply r = multipart ? c.postMultipart(f.action(), values)
                                        : c.postForm(f.action(), encode(values));
                                sent++;
                                String what = user + " on " + f.page() + ": " + f.action() + " " + field + " = "
                                        + shown(bad) + (multipart ? " (multipart)" : "") + " → " + r.status();
                                if (r.status() < 400 || r.status() >= 500) {
                                    wrong.add("not refused: " + what);
                                } else if (!names(alert(r.body()), field)) {
                                    wrong.add("not named: " + what + " " + shown(alert(r.body())));
                                }
                                if (fixture.stored() != before) {
                                    wrong.add("stored: " + what);
                                }
                            }
                        }
                    }
                }
            }
            System.out.println("PageFormSweepTest: " + sent + " spoiled posts to the forms " + swept);
            assertThat(swept).hasSizeGreaterThan(15);
            assertThat(wrong).isEmpty();
        }
    }

    /** The forms of the pages this person works from. */
    private static List<Form> forms(Client c, String user) throws Exception {
        String study = "/studies/" + SweepFixture.STUDY;
        List<String> pages = new ArrayList<>(List.of("/", study, study + "/versions/1", study + "/adverse-events",
                study + "/casebook", study + "/queries", study + "/manufacturing"));
        for (String s : List.of("S1", "S2", "S3", "S4")) {
            pages.add(study + "/subjects/" + s);
        }
        pages.add(study + "/subjects/S4/forms/Baseline/vitals");
        List<Form> forms = new ArrayList<>();
        for (String page : pages) {
            String html = c.get(page).body();
            Matcher m = FORM.matcher(html);
            while (m.find()) {
                if (m.group(2).contains("multipart") || m.group(1).equals("/signout")) {
                    continue; // a file's form (its reader has its own sweep), and signing out takes no field
                }
                forms.add(form(page, unescape(m.group(1)), m.group(3), user));
            }
            // each product step's own fields, as the step form swaps them in
            Matcher steps = Pattern.compile("action=\"(" + Pattern.quote(study) + "/products/([^/]+)/steps)\"")
                    .matcher(html);
            while (steps.find()) {
                String product = steps.group(2);
                Form base = forms.stream().filter(f -> f.action().equals(steps.group(1))).findFirst().orElseThrow();
                for (String type : List.of("Collected", "Tested", "Labelled", "Shipped", "Administered")) {
                    String fields = c.get(study + "/step-template?type=" + type + "&product=" + product + "&subject="
                            + product.replaceAll("-P\\d+$", "")).body();
                    Form typed = form(page, base.action(), "<input type=\"hidden\" name=\"_csrf\" value=\""
                            + base.values().get("_csrf") + "\"><input type=\"hidden\" name=\"version\" value=\""
                            + base.values().get("version") + "\"><input type=\"hidden\" name=\"type\" value=\""
                            + type + "\">" + fields, user);
                    forms.add(typed);
                }
            }
        }
        return forms;
    }

    private static Form form(String page, String action, String body, String user) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(body);
        while (f.find()) {
            Map<String, String> a = new LinkedHashMap<>();
            Matcher at = ATTRIBUTE.matcher(f.group(2));
            while (at.find()) {
                a.put(at.group(1), unescape(at.group(2)));
            }
            String name = a.get("name");
            if (name == null || a.getOrDefault("type", "").equals("submit")) {
                continue;
            }
            String kind = f.group(1).equals("input") ? a.getOrDefault("type", "text") : f.group(1);
            if (a.containsKey("inputmode")) {
                kind = "number";
            }
            String value = a.getOrDefault("value", "");
            if (kind.equals("select")) {
                Matcher o = OPTION.matcher(body.substring(f.end()));
                while (o.find() && value.isEmpty()) {
                    value = unescape(o.group(1) != null ? o.group(1) : o.group(2));
                }
            }
            boolean isRequired = f.group(2).contains(" required");
            if (kind.equals("password")) {
                value = SweepFixture.PASSWORD;
            } else if (kind.equals("checkbox") && !isRequired) {
                continue; // an unticked box sends nothing
            } else if (value.isEmpty() && isRequired) {
                // what a person would type, so that only the spoiled field is wrong
                value = switch (kind) {
                    case "number" -> "1";
                    case "date" -> "2026-06-01";
                    case "datetime-local" -> "2026-06-01T09:00";
                    default -> "an entry";
                };
            }
            values.putIfAbsent(name, value);
            kinds.putIfAbsent(name, kind);
            if (isRequired) {
                required.add(name);
            }
        }
        return new Form(page, action, values, required, kinds);
    }

    /** The values the field cannot take. */
    private static List<String> spoiled(Form f, String field) {
        List<String> bad = new ArrayList<>(List.of("a\u0000b", "x".repeat(10_001)));
        if (f.required().contains(field)) {
            bad.add("");
        }
        switch (f.kinds().get(field)) {
            case "number" -> bad.add("abc");
            case "date", "datetime-local" -> bad.add("not a date");
            default -> { }
        }
        return bad;
    }

    /**
     * Whether a refusal names the field: by its name, or as the person knows it — a step's field without its kind
     * ("volumeMl" of "n.given.volumeMl"), an answer by its criterion ("I1" of "answer-I1").
     */
    private static boolean names(String alert, String field) {
        String bare = field.replaceFirst("^[nsj]\\.", "");
        String last = bare.substring(bare.lastIndexOf('.') + 1);
        return alert.contains(field) || alert.contains(bare) || last.length() >= 4 && alert.contains(last)
                || field.startsWith("answer-") && alert.contains(field.substring("answer-".length()));
    }

    /** What the refusal page says, in its alert. */
    private static String alert(String body) {
        Matcher m = Pattern.compile("role=\"alert\">([^<]*)<").matcher(body);
        return m.find() ? unescape(m.group(1)) : "";
    }

    private static String encode(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String shown(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
