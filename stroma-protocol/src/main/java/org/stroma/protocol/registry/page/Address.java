package org.stroma.protocol.registry.page;

/** A page's address line, "City, [State,] Country[, Zip]", split into its parts. */
record Address(String city, String state, String country, String zip) {

    /** The parts of the line, or null when it names no known country (and so is not an address line). */
    static Address parse(String line) {
        String text = line.trim().replaceAll("[,\\s]+$", "");
        Countries.Found country = Countries.find(text, false);
        if (country == null || country.start() == 0) {
            return null;
        }
        String before = text.substring(0, country.start()).replaceAll("[,\\s]+$", "");
        String after = text.substring(country.start() + country.name().length()).replaceAll("^[,\\s]+", "");
        int comma = before.indexOf(',');
        String city = comma < 0 ? before : before.substring(0, comma).trim();
        String state = comma < 0 ? null : before.substring(comma + 1).trim();
        return new Address(city, state == null || state.isEmpty() ? null : state, country.name(),
                after.isEmpty() ? null : after);
    }
}
