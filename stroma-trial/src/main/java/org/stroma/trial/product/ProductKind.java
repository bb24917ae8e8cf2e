package org.stroma.trial.product;

/** What a product is: cells, or the placebo of a masked arm. */
public enum ProductKind { CELLS, PLACEBO }
