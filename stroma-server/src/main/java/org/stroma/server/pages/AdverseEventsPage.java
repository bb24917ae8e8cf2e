package org.stroma.server.pages;

import java.util.List;
import org.stroma.server.app.CaptureService;
import org.stroma.server.auth.Principal;

/** A study's adverse events with their reporting clocks: what is due and when. */
public record AdverseEventsPage(Principal principal, String study, List<CaptureService.AdverseEventView> events) {

    public static String render(Principal p, String study, List<CaptureService.AdverseEventView> events) {
        return Templates.render("page/adverseEvents.jte", new AdverseEventsPage(p, study, events));
    }
}
