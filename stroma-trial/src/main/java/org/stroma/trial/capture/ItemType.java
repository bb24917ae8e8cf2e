package org.stroma.trial.capture;

/** What a form item holds: a whole number, a decimal, text, a date, a yes/no, or one code of a code list. */
public enum ItemType { INTEGER, DECIMAL, TEXT, DATE, BOOLEAN, CODED }
