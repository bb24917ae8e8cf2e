package org.stroma.trial.randomization;

/**
 * One patient's allocation: the group, the stratum, and the patient's place in that stratum's list ({@code number},
 * from 1) and, for permuted blocks, the block it fell in (from 1; 0 for other methods).
 */
public record Allocation(String subject, String group, String stratum, int number, int block) {
}
