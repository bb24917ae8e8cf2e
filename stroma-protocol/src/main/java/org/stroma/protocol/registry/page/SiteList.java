package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Contact;
import org.stroma.protocol.ContactRole;
import org.stroma.protocol.Location;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.registry.Vocabulary;

/**
 * The contacts and locations of a classic page: central "Contact:" lines, then for each site its facility with its
 * recruitment status, its address ("City, [State,] Country[, Zip]"), its contacts and its investigators. Country (and
 * state) headings over the sites ("France", "United States, California") are not sites.
 */
final class SiteList {
    /** An overall official on a page with tables: the role alone in its cell, the name and affiliation after it. */
    static final Pattern OFFICIAL_CELL = Pattern.compile("^(Principal Investigator|Study Director|Study Chair)\\s*:$");
    private static final Pattern STATUS_SUFFIX = Pattern.compile(
            "^(.*?)\\s+(Recruiting|Not yet recruiting|Active, not recruiting|Completed|Withdrawn|Terminated|Suspended"
                    + "|Enrolling by invitation|Unknown status|Available|No longer available)$");
    private static final Pattern SITE_PERSON = Pattern.compile(
            "^(Principal Investigator|Sub-Investigator|Study Director|Study Chair|Study Coordinator)\\s*:\\s*(.+)$");

    private final boolean tables;
    private final List<Location> sites = new ArrayList<>();
    private String facility;
    private OverallStatus status;
    private Address address;
    private List<Contact> contacts = new ArrayList<>();
    private boolean inSite;

    private SiteList(boolean tables) {
        this.tables = tables;
    }

    /**
     * Reads from the line after {@code from} to the end of the section; central contacts go to {@code central}.
     */
    static List<Location> read(List<PageLine> lines, int from, boolean tables, List<Contact> central) {
        SiteList list = new SiteList(tables);
        for (int i = from + 1; i < lines.size(); i++) {
            PageLine line = lines.get(i);
            if (list.endsSection(line)) {
                break;
            }
            PageLine next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            list.read(line, next, central);
        }
        list.closeSite();
        return list.sites;
    }

    private boolean endsSection(PageLine line) {
        String text = line.text();
        return text.startsWith("Sponsors and Collaborators") || text.startsWith("Responsible Party")
                || text.startsWith("More Information") || text.equals("Investigators")
                || tables && !line.cells().isEmpty() && OFFICIAL_CELL.matcher(line.cells().get(0)).matches();
    }

    private void read(PageLine line, PageLine next, List<Contact> central) {
        String text = line.text();
        if (line.isBlank() || text.matches("^(Contacts|Locations|Contacts and Locations)$")) {
            return;
        }
        if (text.startsWith("Contact:")) {
            (inSite ? contacts : central).add(ContactText.parse(text.substring("Contact:".length()), ContactRole.CONTACT));
            return;
        }
        Matcher person = SITE_PERSON.matcher(text);
        if (person.matches()) {
            if (inSite) {
                ContactRole role = person.group(1).startsWith("Sub") ? ContactRole.SUB_INVESTIGATOR
                        : ContactRole.PRINCIPAL_INVESTIGATOR;
                contacts.add(new Contact(person.group(2).trim(), role, null, null, null));
            }
            return;
        }
        Address parsed = Address.parse(text);
        if (inSite && address == null && parsed != null) {
            address = parsed;
            return;
        }
        Countries.Found heading = Countries.find(text, false);
        if (heading != null && heading.start() == 0 && parsed == null) {
            return; // "France" or "United States, California": a heading over the sites below it
        }
        String lastCell = line.cells().isEmpty() ? "" : line.cells().get(line.cells().size() - 1);
        boolean statusCell = tables && line.cells().size() >= 2 && Vocabulary.status(lastCell) != null;
        Matcher withStatus = STATUS_SUFFIX.matcher(text);
        boolean nextIsAddress = next != null && Address.parse(next.text()) != null;
        if (statusCell || withStatus.matches() || nextIsAddress) {
            closeSite();
            inSite = true;
            if (statusCell) {
                facility = line.cells().get(0);
                status = Vocabulary.status(lastCell);
            } else if (withStatus.matches()) {
                facility = withStatus.group(1).trim();
                status = Vocabulary.status(withStatus.group(2));
            } else {
                facility = text;
                status = null;
            }
        }
    }

    private void closeSite() {
        if (inSite) {
            sites.add(new Location(facility, status, address == null ? null : address.city(),
                    address == null ? null : address.state(), address == null ? null : address.zip(),
                    address == null ? null : address.country(), contacts, null));
        }
        inSite = false;
        address = null;
        contacts = new ArrayList<>();
    }
}
