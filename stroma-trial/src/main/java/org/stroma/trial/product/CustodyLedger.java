package org.stroma.trial.product;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.text.Words;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The chain of identity and custody of every product of a trial: an append-only ledger with one gateway,
 * {@link #record}, which checks each event against the product's state so far and the protocol, and writes it — or
 * writes the refusal and throws it. Nothing is ever changed or removed.
 */
public final class CustodyLedger {
    private final ReleaseSpecification specification;
    private final LotInventory lots;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, ProductStatus> products = new HashMap<>();
    private final Map<String, String> labelled = new HashMap<>();
    /** Each product's last accepted step: a step is never dated before it. */
    private final Map<String, CustodyEvent> lastStep = new HashMap<>();

    public CustodyLedger(ReleaseSpecification specification, LotInventory lots) {
        this.specification = specification;
        this.lots = lots;
    }

    /** Opens a product's chain; the unblinded side does this when a subject is allocated. */
    public synchronized void open(ProductOrder order) {
        if (products.putIfAbsent(order.productId(), ProductStatus.of(order)) != null) {
            throw new InvalidInputException("product " + order.productId() + " is already ordered");
        }
    }

    /** The gateway: the event is written when the chain allows it; otherwise the refusal is written and thrown. */
    public synchronized LedgerEntry record(String productId, CustodyEvent event) {
        ProductStatus status = products.get(productId);
        if (status == null) {
            throw new CustodyException("no product " + productId + " has been ordered");
        }
        String refusal = check(status, event);
        LedgerEntry entry = new LedgerEntry(entries.size() + 1, productId, event, refusal);
        entries.add(entry);
        if (refusal != null) {
            throw new CustodyException("product " + productId + ": " + refusal);
        }
        products.put(productId, status.after(event));
        lastStep.put(productId, event);
        if (event instanceof CustodyEvent.Labelled l) {
            labelled.put(l.number().code(), productId);
        }
        return entry;
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<LedgerEntry> entries(String productId) {
        return entries.stream().filter(e -> e.productId().equals(productId)).toList();
    }

    public synchronized ProductStatus status(String productId) {
        return products.get(productId);
    }

    /** The cells the lab counted in a product: its harvest, or the vials issued to it from a lot; none in a placebo. */
    public synchronized Double cellsCounted(String productId) {
        ProductStatus s = products.get(productId);
        if (s.order().kind() == ProductKind.PLACEBO) {
            return 0.0;
        }
        if (s.cells() != null) {
            return s.cells();
        }
        return entries(productId).stream().filter(LedgerEntry::accepted).map(LedgerEntry::event)
                .filter(e -> e instanceof CustodyEvent.IssuedFromLot).map(e -> (CustodyEvent.IssuedFromLot) e)
                .map(i -> lots.lot(i.lot()) == null ? null : lots.lot(i.lot()).cellsPerVial() * i.vials())
                .findFirst().orElse(null);
    }

    /** Why the event may not happen now, or null when it may. */
    private String check(ProductStatus s, CustodyEvent e) {
        ProductOrder o = s.order();
        String order = requireStage(s, e);
        if (order != null) {
            return order;
        }
        if (o.orderedAt() != null && e.at().isBefore(o.orderedAt())) {
            return e.what() + " at " + e.at() + " is dated before the product was ordered, at the subject's"
                    + " randomization (" + o.orderedAt() + ")";
        }
        CustodyEvent previous = lastStep.get(o.productId());
        if (previous != null && e.at().isBefore(previous.at()) && (e instanceof CustodyEvent.BedsideVerified
                || e instanceof CustodyEvent.Administered)) {
            // at the bedside the previous step may be the lab's, whose time is not the bedside's to learn
            return e.what() + " at " + e.at() + " is dated before the product's previous step";
        }
        if (previous != null && e.at().isBefore(previous.at())) {
            return e.what() + " at " + e.at() + " is dated before the product's previous step (" + previous.what()
                    + " at " + previous.at() + ")";
        }
        if (e instanceof CustodyEvent.Collected c) {
            if (o.source() != ProductSource.AUTOLOGOUS) {
                return "an allogeneic product comes from a lot, not from a collection";
            }
            if (!o.recipient().equals(c.donor())) {
                return "the donor " + c.donor() + " is not the recipient " + o.recipient()
                        + ": an autologous product comes from its recipient";
            }
        } else if (e instanceof CustodyEvent.IssuedFromLot i) {
            if (o.source() != ProductSource.ALLOGENEIC || o.kind() != ProductKind.CELLS) {
                return "only an allogeneic cell product is issued from a lot";
            }
            return lots.issue(i.lot(), i.vials(), i.at().atZone(ZoneOffset.UTC).toLocalDate());
        } else if (e instanceof CustodyEvent.CultureStarted && o.kind() != ProductKind.CELLS) {
            return "a placebo is not cultured";
        } else if (e instanceof CustodyEvent.CultureStarted && o.source() == ProductSource.ALLOGENEIC) {
            return "cells issued from a lot are manufactured already; they are not cultured again";
        } else if (e instanceof CustodyEvent.Passaged p && p.passage() != s.passages() + 1) {
            return "passage " + p.passage() + " follows passage " + s.passages() + "; the next is " + (s.passages() + 1);
        } else if (e instanceof CustodyEvent.Harvested h && !h.at().isAfter(s.cultureStarted())) {
            return "the harvest is not after the culture started";
        } else if (e instanceof CustodyEvent.PlaceboPrepared && o.kind() != ProductKind.PLACEBO) {
            return "a cell product is not replaced by a placebo";
        } else if (e instanceof CustodyEvent.Released && heldUntil(s) != null && e.at().isBefore(heldUntil(s))) {
            return "a placebo of a masked trial is released no sooner than its cells could be, from " + heldUntil(s)
                    + ": released earlier, the day it reaches the site would tell it from cells";
        } else if (e instanceof CustodyEvent.Released) {
            List<String> failures = new ArrayList<>(specification.failures(s.tests(), o.kind() == ProductKind.CELLS,
                    o.cellsNeeded()));
            if (o.dose() == null && o.kind() == ProductKind.CELLS && cellsCounted(o.productId()) == null) {
                failures.add("no cell count: the protocol gives no dose, so the cells given are those counted");
            }
            if (s.cultureDays() != null && o.cultureDays() != null && !o.cultureDays().contains(s.cultureDays())) {
                failures.add(0, "cultured " + ScientificNotation.plain(Math.round(s.cultureDays() * 10) / 10.0)
                        + " days, outside the protocol's " + o.cultureDays() + " days");
            }
            if (!failures.isEmpty()) {
                return "cannot be released: " + String.join("; ", failures);
            }
        } else if (e instanceof CustodyEvent.Labelled l) {
            String holder = labelled.get(l.number().code());
            if (holder != null) {
                return "donation number " + l.number() + " already labels product " + holder;
            }
        } else if (e instanceof CustodyEvent.BedsideVerified v) {
            return bedside(s, v);
        } else if (e instanceof CustodyEvent.Administered a) {
            if (!a.stop().isAfter(a.start())) {
                return "the infusion stops before it starts";
            }
            if (o.dose() != null) {
                // in a masked trial the bedside gives a volume and the cells follow from it: what is checked is only
                // what the bedside controls, so that a refusal reads alike for cells and placebo
                List<String> problems = o.masked() ? o.dose().deliveryProblems(a.given())
                        : o.dose().problems(a.given(), o.baselineWeightKg(), o.kind() == ProductKind.PLACEBO);
                if (!problems.isEmpty()) {
                    return "not the protocol's dose: " + String.join("; ", problems);
                }
            }
        }
        return null;
    }

    /**
     * Until when a placebo of a masked trial is held: the cells' shortest culture from its first step, so that it is
     * never ready sooner than cells could be. Null when nothing holds it (an open trial, cells, no culture).
     */
    private Instant heldUntil(ProductStatus s) {
        ProductOrder o = s.order();
        if (!o.masked() || o.kind() != ProductKind.PLACEBO || o.shortestCultureDays() <= 0) {
            return null;
        }
        return entries.stream().filter(x -> x.productId().equals(o.productId()) && x.accepted()).findFirst().map(
                x -> x.event().at().plus(Duration.ofDays(o.shortestCultureDays()))).orElse(null);
    }

    /** The product in the patient's hands must be this patient's, the one labelled, and have travelled cold. */
    private static String bedside(ProductStatus s, CustodyEvent.BedsideVerified v) {
        ProductOrder o = s.order();
        if (!o.recipient().equals(v.patientScanned())) {
            return "MISMATCH: the product is for subject " + o.recipient() + ", the patient scanned is "
                    + v.patientScanned() + "; do not administer";
        }
        DonationNumber scanned;
        try {
            scanned = DonationNumber.parse(v.labelScanned());
        } catch (IllegalArgumentException bad) {
            return "MISMATCH: the label scanned cannot be read (" + bad.getMessage() + "); do not administer";
        }
        if (!scanned.code().equals(s.number().code())) {
            return "MISMATCH: the label scanned (" + scanned + ") is not this product's (" + s.number()
                    + "); do not administer";
        }
        if (o.source() == ProductSource.AUTOLOGOUS && s.donor() != null && !s.donor().equals(v.patientScanned())) {
            return "MISMATCH: the cells come from " + s.donor() + ", not from the patient; do not administer";
        }
        if (s.shipment() != null && !s.shipment().excursions().isEmpty()) {
            return "the shipment left its temperature range: " + s.shipment().describeExcursions()
                    + "; do not administer";
        }
        return null;
    }

    /** Each event's place in the chain: the stages it may follow. */
    private static String requireStage(ProductStatus s, CustodyEvent e) {
        Set<ProductStage> after;
        if (e instanceof CustodyEvent.Collected || e instanceof CustodyEvent.IssuedFromLot) {
            after = EnumSet.of(ProductStage.ORDERED);
        } else if (e instanceof CustodyEvent.ReceivedAtLab) {
            after = EnumSet.of(ProductStage.COLLECTED, ProductStage.ISSUED);
        } else if (e instanceof CustodyEvent.CultureStarted) {
            after = EnumSet.of(ProductStage.AT_LAB);
        } else if (e instanceof CustodyEvent.Passaged || e instanceof CustodyEvent.Harvested) {
            after = EnumSet.of(ProductStage.IN_CULTURE);
        } else if (e instanceof CustodyEvent.PlaceboPrepared) {
            // in a masked autologous trial the placebo's recipient has their marrow taken like everyone else's
            boolean collectedForAll = s.order().masked() && s.order().source() == ProductSource.AUTOLOGOUS;
            after = collectedForAll ? EnumSet.of(ProductStage.AT_LAB) : EnumSet.of(ProductStage.ORDERED,
                    ProductStage.AT_LAB);
        } else if (e instanceof CustodyEvent.Tested) {
            after = s.order().source() == ProductSource.ALLOGENEIC && s.order().kind() == ProductKind.CELLS
                    ? EnumSet.of(ProductStage.AT_LAB) : EnumSet.of(ProductStage.HARVESTED, ProductStage.PREPARED);
        } else if (e instanceof CustodyEvent.Released) {
            after = EnumSet.of(ProductStage.TESTED);
        } else if (e instanceof CustodyEvent.Rejected) {
            after = EnumSet.of(ProductStage.AT_LAB, ProductStage.IN_CULTURE, ProductStage.HARVESTED,
                    ProductStage.PREPARED, ProductStage.TESTED);
        } else if (e instanceof CustodyEvent.Labelled) {
            after = EnumSet.of(ProductStage.RELEASED);
        } else if (e instanceof CustodyEvent.Shipped) {
            after = EnumSet.of(ProductStage.LABELLED);
        } else if (e instanceof CustodyEvent.BedsideVerified) {
            after = EnumSet.of(ProductStage.SHIPPED);
        } else {
            after = EnumSet.of(ProductStage.VERIFIED);
        }
        if (!after.contains(s.stage()) && (e instanceof CustodyEvent.BedsideVerified
                || e instanceof CustodyEvent.Administered)) {
            // said at the bedside, where the product's lab stage would tell cells from placebo
            return "the product is " + s.stage().sharedWords() + (e instanceof CustodyEvent.BedsideVerified
                    ? "; it is verified at the bedside once it is ready at the site"
                    : "; it is given once verified at the bedside");
        }
        if (!after.contains(s.stage())) {
            return "a " + e.what() + " cannot follow " + Words.of(s.stage())
                    + " (it follows " + String.join(" or ", after.stream().map(Words::of).toList()) + ")";
        }
        return null;
    }
}
