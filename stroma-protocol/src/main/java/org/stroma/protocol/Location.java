package org.stroma.protocol;

import java.util.List;

/** A site: where the study runs, its own recruitment status, its contacts and investigators. */
public record Location(
        String facility,
        OverallStatus status,
        String city,
        String state,
        String zip,
        String country,
        List<Contact> contacts,
        GeoPoint geoPoint) {

    public Location {
        contacts = Lists.copy(contacts);
    }

    /** The site's investigators (contacts with an investigator role). */
    public List<Contact> investigators() {
        return contacts.stream().filter(c -> c.role() != null && c.role() != ContactRole.CONTACT).toList();
    }
}
