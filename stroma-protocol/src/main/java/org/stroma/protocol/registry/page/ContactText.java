package org.stroma.protocol.registry.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Contact;
import org.stroma.protocol.ContactRole;

/**
 * A page's contact line: "Contact: Emmanuel Teiger, MD, PhD 01 49 81 21 11 ext +33 emmanuel.teiger@hmn.aphp.fr",
 * with or without table pipes between the parts.
 */
final class ContactText {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<phone>\\+?\\(?\\d[\\d\\s().\\-/]{4,}\\d)(?:\\s*(?:ext\\.?|extension|x)\\s*(?<ext>\\+?[\\d\\s-]*\\d))?",
            Pattern.CASE_INSENSITIVE);

    private ContactText() {
    }

    static Contact parse(String text, ContactRole role) {
        String rest = text.replace('|', ' ').replaceAll("\\s+", " ").trim();
        String email = null;
        Matcher e = EMAIL.matcher(rest);
        if (e.find()) {
            email = e.group();
            rest = (rest.substring(0, e.start()) + " " + rest.substring(e.end())).trim();
        }
        String phone = null;
        String ext = null;
        Matcher p = PHONE.matcher(rest);
        if (p.find()) {
            phone = p.group("phone").trim();
            ext = p.group("ext") == null ? null : p.group("ext").trim();
            rest = rest.substring(0, p.start()).trim();
        }
        String name = rest.replaceAll("[,;\\s]+$", "");
        return new Contact(name.isEmpty() ? null : name, role, phone, ext, email);
    }
}
