package org.stroma.trial.conduct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A product as one person sees it. Everyone sees what the bedside needs: its status (in preparation, ready at the
 * site, verified, administered, not available), the day its administration is planned (the same for every arm), its
 * label once it is at the site, and the bedside's own steps. Those who may know the arm also see every step of the
 * chain with its details, and what the product is; the others never see the lab's steps, the cells, the tests, the
 * culture or the placebo — nor when the lab did anything, which in a masked trial could tell cells from placebo.
 */
public record ProductView(String product, String recipient, int period, String status,
        LocalDate plannedAdministration, String label, List<Step> steps, String kind, String administered) {

    /** A step of the chain: what, when, by whom, and what it recorded (for those who may see it). */
    public record Step(String what, Instant at, String by, String detail) {
    }

    public ProductView {
        steps = List.copyOf(steps);
    }
}
