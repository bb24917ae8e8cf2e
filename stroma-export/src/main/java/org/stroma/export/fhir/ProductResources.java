package org.stroma.export.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductCategory;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.export.ExportSource;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.ProductKind;

/**
 * A subject's products as BiologicallyDerivedProducts, each with its chain of custody as one Provenance per step
 * (target the product, when, who, and the step coded). What a product is and what the lab did to it are known only to
 * those who may know the arm: a blinded export gives each product as the bedside sees it — its number, the donation
 * number on its label once it is at the site, whether it is available — and only the bedside's steps, never a category,
 * a quantity or a collection that would tell cells from placebo; an unblinded export gives what the product is and
 * every step of the ledger, the lab's included, with their details.
 */
final class ProductResources {
    private final ExportSource source;
    private final String trial;

    ProductResources(ExportSource source) {
        this.source = source;
        this.trial = source.design().trial();
    }

    List<Resource> resources(String subject) {
        List<Resource> out = new ArrayList<>();
        for (ProductView view : source.products(subject)) {
            BiologicallyDerivedProduct product = product(view);
            out.add(product);
            Reference target = new Reference("BiologicallyDerivedProduct/" + product.getIdPart());
            List<LedgerEntry> ledger = source.custody(view.product());
            Set<String> ids = new HashSet<>();
            if (!source.blinded() && !ledger.isEmpty()) {
                // a reader who may know the product sees one step of its view per line of the ledger, in its order:
                // the view words each step's details, the ledger says what kind of step it is
                List<ProductView.Step> steps = view.steps().size() == ledger.size() ? view.steps() : null;
                for (int n = 0; n < ledger.size(); n++) {
                    LedgerEntry e = ledger.get(n);
                    String detail = !e.accepted() ? e.refusal() : steps == null ? null : steps.get(n).detail();
                    out.add(provenance(view, target, CustodyActivity.code(e.event(), !e.accepted()), e.event().at(),
                            e.event().by(), detail, ids));
                }
            } else {
                for (ProductView.Step step : view.steps()) {
                    String code = CustodyActivity.codeOfViewStep(step.what());
                    // the view shows a blinded reader the bedside's steps only; should it ever show more, they stay out
                    if (source.blinded() && !CustodyActivity.bedside(code)) {
                        continue;
                    }
                    out.add(provenance(view, target, code, step.at(), step.by(), step.detail(), ids));
                }
            }
        }
        return out;
    }

    private BiologicallyDerivedProduct product(ProductView view) {
        BiologicallyDerivedProduct p = new BiologicallyDerivedProduct();
        p.setId(FhirIds.of(trial, view.product()));
        p.addIdentifier(new Identifier().setSystem(Systems.of(Systems.PRODUCT, trial)).setValue(view.product()));
        if (view.number() != null) {
            p.addIdentifier(new Identifier().setSystem(Systems.DONATION_NUMBER).setValue(view.number().toString()));
        }
        BiologicallyDerivedProductStatus status = status(view.status());
        if (status != null) {
            p.setStatus(status);
        }
        // what the product is: null in a blinded view, and then nothing here may hint at it
        if (!source.blinded() && view.kind() != null) {
            p.setProductCategory(view.kind() == ProductKind.CELLS ? BiologicallyDerivedProductCategory.CELLS
                    : BiologicallyDerivedProductCategory.FLUID);
            p.setProductCode(new CodeableConcept().setText(view.kind() == ProductKind.CELLS ? "cells" : "placebo"));
        }
        return p;
    }

    /**
     * R4's two statuses from the words every reader sees: at the site, it is available; given, or not available, it is
     * unavailable; in preparation R4 has no word for, and the status is left out.
     */
    private static BiologicallyDerivedProductStatus status(String words) {
        if (words == null) {
            return null;
        }
        if (words.equals("ready at the site") || words.equals("verified at the bedside")) {
            return BiologicallyDerivedProductStatus.AVAILABLE;
        }
        if (words.equals("administered") || words.equals("not available") || words.equals("rejected")) {
            return BiologicallyDerivedProductStatus.UNAVAILABLE;
        }
        return null;
    }

    /**
     * One step as a Provenance. Its id comes from the product, the step and its time, which a blinded and an unblinded
     * export both know for a bedside step, so the two give that step the same id.
     */
    private Provenance provenance(ProductView view, Reference target, String code, Instant at, String by,
            String detail, Set<String> ids) {
        Provenance p = new Provenance();
        String id = FhirIds.of(trial, view.product(), code, String.valueOf(at.getEpochSecond()));
        for (int n = 2; !ids.add(id); n++) {
            id = FhirIds.of(trial, view.product(), code, String.valueOf(at.getEpochSecond()), String.valueOf(n));
        }
        p.setId(id);
        p.addTarget(target.copy());
        p.setOccurred(Times.dateTime(at));
        p.setRecordedElement(Times.instant(at));
        p.setActivity(CustodyActivity.concept(code, detail));
        String who = by == null || by.isBlank() ? "stroma" : by;
        p.addAgent()
                .setType(new CodeableConcept().addCoding(new Coding(Systems.PROVENANCE_AGENT, "performer",
                        "Performer")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(Systems.USER).setValue(who))
                        .setDisplay(who));
        return p;
    }
}
