package org.stroma.protocol;

/** A sponsor, collaborator or the organisation that registered the study. */
public record Organization(String name, OrganizationClass organizationClass) {
}
