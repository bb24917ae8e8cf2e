package org.stroma.trial.product;

import java.time.LocalDate;

/** A released lot of allogeneic cells: its donor's code, vials, cells per vial, and expiry. */
public record ProductLot(String id, String donor, int vials, double cellsPerVial, boolean released, LocalDate expiry) {
}
