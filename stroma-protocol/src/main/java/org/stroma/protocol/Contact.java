package org.stroma.protocol;

/** A person to contact, centrally or at a site; site investigators are contacts with an investigator role. */
public record Contact(String name, ContactRole role, String phone, String phoneExt, String email) {
}
