package org.stroma.protocol.registry.xml;

import java.io.StringReader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RecordLimits;

/**
 * Checks an XML document's depth and text lengths in one streaming pass, before the DOM is built: a DOM of elements
 * nested thousands deep is walked recursively (by the JDK's own code as well as the reader's), and would exhaust the
 * stack, and a huge text would be copied several times before anyone looked at it.
 */
final class XmlBounds {
    private static final XMLInputFactory STAX = XMLInputFactory.newDefaultFactory(); // the JDK's own: others throw unchecked errors

    static {
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        STAX.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private XmlBounds() {
    }

    /** Throws a {@link RecordFormatException} at the first element too deep or text too long; malformed XML is left to the DOM parser. */
    static void check(String xml) {
        XMLStreamReader reader = null;
        try {
            reader = STAX.createXMLStreamReader(new StringReader(xml));
            StringBuilder path = new StringBuilder();
            int depth = 0;
            long text = 0;
            // child elements counted at each open level
            int[] children = new int[RecordLimits.MAX_NESTING + 2];
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++children[depth] > RecordLimits.MAX_LIST_ELEMENTS) {
                            throw new RecordFormatException(at(reader.getLocation()) + " (" + path + ")",
                                    "an element has more than " + RecordLimits.MAX_LIST_ELEMENTS + " elements in it");
                        }
                        depth++;
                        text = 0;
                        if (depth > RecordLimits.MAX_NESTING) {
                            throw new RecordFormatException(at(reader.getLocation()) + " (" + path + ")",
                                    "elements are nested more than " + RecordLimits.MAX_NESTING + " levels deep");
                        }
                        children[depth] = 0;
                        if (depth <= 4) {
                            path.append('/').append(reader.getLocalName());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth <= 4 && path.lastIndexOf("/") >= 0) {
                            path.setLength(path.lastIndexOf("/"));
                        }
                        depth--;
                        text = 0;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        text += reader.getTextLength();
                        if (text > RecordLimits.MAX_TEXT_CHARS) {
                            throw new RecordFormatException(at(reader.getLocation()) + " (" + path + ")",
                                    "a text is longer than " + RecordLimits.MAX_TEXT_CHARS + " characters");
                        }
                    }
                    default -> {
                        // comments, processing instructions and white space have no bearing on the limits
                    }
                }
            }
        } catch (XMLStreamException e) {
            // malformed: the DOM parser reports it in its own words, with the line and column
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing held open: the input is a string
                }
            }
        }
    }

    private static String at(Location location) {
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }
}
