package org.stroma.server.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;
import org.stroma.trial.product.LedgerEntry;

/**
 * A product's chain of identity at a glance: who it is for, its donation identification number with its check
 * character, its status and planned administration, every step as the person may see it, and for those who read the
 * custody ledger ({@code ledger} null for the others) every line of it, refusals included; a link to its printable
 * label once it has one.
 */
public record ProductPage(Principal principal, String study, ConductService.ProductChain chain,
        List<LedgerEntry> ledger) {

    public static String render(Principal p, String study, ConductService.ProductChain chain,
            List<LedgerEntry> ledger) {
        return Templates.render("page/product.jte", new ProductPage(p, study, chain, ledger));
    }

    /** The printable label alone: the label's text and its donation number, large. */
    public static String label(Principal p, String study, ConductService.ProductChain chain) {
        return Templates.render("page/productLabel.jte", new ProductPage(p, study, chain, null));
    }

    public String shown(Instant at) {
        return Moments.show(at, ZoneId.of(chain.zone()), principal.locale());
    }
}
