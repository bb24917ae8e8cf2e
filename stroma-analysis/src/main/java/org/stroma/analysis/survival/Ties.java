package org.stroma.analysis.survival;

/** How the Cox partial likelihood treats events at the same time: Efron's approximation (R's default) or Breslow's. */
public enum Ties { EFRON, BRESLOW }
