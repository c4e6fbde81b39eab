package org.gve.wsdl.runtime;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;

/** Converts between {@link Instant} and the xs:dateTime values of the contracts (always UTC). */
public final class XmlTimes {
    private static final DatatypeFactory FACTORY = newFactory();

    private XmlTimes() {
    }

    public static XMLGregorianCalendar toXml(Instant instant) {
        if (instant == null) return null;
        return FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    public static Instant toInstant(XMLGregorianCalendar value) {
        return value == null ? null : value.toGregorianCalendar().toInstant();
    }

    private static DatatypeFactory newFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory on the class path", e);
        }
    }
}
