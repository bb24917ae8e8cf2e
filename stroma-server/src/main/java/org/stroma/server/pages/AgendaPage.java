package org.stroma.server.pages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.CasebookGrid;
import org.stroma.server.app.MonitoringService;
import org.stroma.server.auth.Principal;

/**
 * What is late and what is due, site by site: visits past their target day and visits due within the week, the
 * subjects with forms overdue, and the serious adverse events with their reporting clocks.
 */
public record AgendaPage(Principal principal, String study, List<Site> sites) {

    /** One site's agenda. */
    public record Site(String name, List<MonitoringService.VisitDue> overdue, List<MonitoringService.VisitDue> due,
            Map<String, Long> formsOverdue, List<CaptureService.AdverseEventView> serious) {
        public boolean empty() {
            return overdue.isEmpty() && due.isEmpty() && formsOverdue.isEmpty() && serious.isEmpty();
        }
    }

    public static String render(Principal p, String study, List<MonitoringService.VisitDue> visits, CasebookGrid grid,
            List<CaptureService.AdverseEventView> events) {
        Map<String, String> siteOf = grid.rows().stream().collect(Collectors.toMap(CasebookGrid.Row::subject,
                CasebookGrid.Row::site));
        Set<String> names = new LinkedHashSet<>(grid.rows().stream().map(CasebookGrid.Row::site).sorted().toList());
        List<Site> sites = new ArrayList<>();
        for (String name : names) {
            Map<String, Long> forms = new java.util.LinkedHashMap<>();
            grid.rows().stream().filter(r -> r.site().equals(name)).forEach(r -> {
                long late = r.cells().stream().filter(CasebookGrid.Cell::overdue).count();
                if (late > 0) {
                    forms.put(r.subject(), late);
                }
            });
            sites.add(new Site(name, visits.stream().filter(v -> v.site().equals(name) && v.daysLate() > 0).toList(),
                    visits.stream().filter(v -> v.site().equals(name) && v.daysLate() == 0).toList(), forms,
                    events.stream().filter(a -> a.serious() && name.equals(siteOf.get(a.event().subject()))).toList()));
        }
        return Templates.render("page/agenda.jte", new AgendaPage(p, study, sites));
    }
}
