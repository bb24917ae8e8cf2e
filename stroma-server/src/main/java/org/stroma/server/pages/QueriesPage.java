package org.stroma.server.pages;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stroma.server.app.Action;
import org.stroma.server.app.Moments;
import org.stroma.server.app.MonitoringService;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;

/**
 * A study's queries, oldest first, filtered by status, site, form and a least age in days: the site answers an open
 * query where it stands, and the monitor ticks queries and closes them at once. {@code error} says what a closing of
 * many left undone (null for nothing); {@code forms} and {@code sites} are the filter's choices.
 */
public record QueriesPage(Principal principal, String study, List<MonitoringService.QueryRow> rows, Filter filter,
        List<String> sites, List<String> forms, String error) {

    /** The page's filter, from its query string; blank values filter nothing. */
    public record Filter(String status, String site, String form, Integer age) {
        public static Filter read(Map<String, List<String>> query) {
            String age = text(query, "age");
            Integer days;
            try {
                days = age.isEmpty() ? null : Integer.valueOf(age);
            } catch (NumberFormatException e) {
                throw RequestException.badRequest("age", "'" + Texts.shown(age) + "' is not a number of days");
            }
            return new Filter(text(query, "status"), text(query, "site"), text(query, "form"), days);
        }

        private static String text(Map<String, List<String>> query, String field) {
            List<String> v = query.get(field);
            return v == null || v.isEmpty() ? "" : Texts.check(field, v.get(0).strip(), 100);
        }
    }

    public static String render(Principal p, String study, List<MonitoringService.QueryRow> rows, Filter filter,
            List<MonitoringService.QueryRow> all, String error) {
        return Templates.render("page/queries.jte", new QueriesPage(p, study, rows, filter, all.stream().map(
                MonitoringService.QueryRow::site).distinct().sorted().toList(), all.stream().map(r -> r.query().form())
                .distinct().sorted().toList(), error));
    }

    public boolean may(Action action) {
        return action.allows(principal.rolesIn(study));
    }

    /** Whether the monitor may tick any query shown: one not closed yet. */
    public boolean closesAny() {
        return may(Action.REVIEW_DATA) && rows.stream().anyMatch(r -> !r.query().status().equals("closed"));
    }

    /** A query's last step, to the minute in its site's zone. */
    public String shown(MonitoringService.QueryRow r, java.time.Instant at) {
        return Moments.show(at, ZoneId.of(r.zone()), principal.locale());
    }
}
