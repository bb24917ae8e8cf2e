package org.stroma.trial.safety;

/** How the adverse event ended, or stands at the last report. */
public enum Outcome { RECOVERED, RECOVERING, NOT_RECOVERED, RECOVERED_WITH_SEQUELAE, FATAL, UNKNOWN }
