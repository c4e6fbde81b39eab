package org.gve.agent.vsphere.soap;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;

/** Text of simple XML Schema values to the Java types vijava's data classes use. */
final class XmlValues {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, int.class,
            Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private static final Map<String, Class<?>> XSD_TYPES = Map.ofEntries(
            Map.entry("string", String.class), Map.entry("anyURI", String.class),
            Map.entry("base64Binary", String.class), Map.entry("boolean", Boolean.class),
            Map.entry("byte", Byte.class), Map.entry("short", Short.class), Map.entry("int", Integer.class),
            Map.entry("long", Long.class), Map.entry("float", Float.class), Map.entry("double", Double.class),
            Map.entry("dateTime", Calendar.class), Map.entry("anyType", String.class));

    private XmlValues() {
    }

    /** True for the types written as element text: strings, numbers, booleans, dates. */
    static boolean isSimple(Class<?> type) {
        return type == String.class || type.isPrimitive() || BOXES.containsValue(type) || type == Calendar.class;
    }

    /** The Java type of an XML Schema built-in type name ("int", "dateTime"...), if it is one we read. */
    static Optional<Class<?>> xsdType(String localName) {
        return Optional.ofNullable(XSD_TYPES.get(localName));
    }

    /** The Java type of the items of {@code ArrayOf<name>} when name is a simple type, e.g. "Int" is int. */
    static Optional<Class<?>> arrayItemType(String name) {
        return switch (name) {
            case "String" -> Optional.of(String.class);
            case "Boolean" -> Optional.of(boolean.class);
            case "Byte" -> Optional.of(byte.class);
            case "Short" -> Optional.of(short.class);
            case "Int" -> Optional.of(int.class);
            case "Long" -> Optional.of(long.class);
            case "Float" -> Optional.of(float.class);
            case "Double" -> Optional.of(double.class);
            case "DateTime" -> Optional.of(Calendar.class);
            case "AnyType" -> Optional.of(Object.class);
            default -> Optional.empty();
        };
    }

    /**
     * Parses {@code text} as {@code type} (a simple type).
     *
     * @throws IllegalArgumentException when the text is not a value of that type
     */
    static Object parse(Class<?> type, String text) {
        Class<?> t = type.isPrimitive() ? BOXES.get(type) : type;
        if (t == String.class) {
            return text;
        }
        String s = text.trim();
        if (t == Boolean.class) {
            if (s.equals("true") || s.equals("1")) return Boolean.TRUE;
            if (s.equals("false") || s.equals("0")) return Boolean.FALSE;
            throw new IllegalArgumentException("not a boolean: " + s);
        }
        if (t == Integer.class) return Integer.valueOf(s);
        if (t == Long.class) return Long.valueOf(s);
        if (t == Short.class) return Short.valueOf(s);
        if (t == Byte.class) return Byte.valueOf(s);
        if (t == Float.class) return Float.valueOf(s);
        if (t == Double.class) return Double.valueOf(s);
        if (t == Calendar.class) return dateTime(s);
        throw new IllegalArgumentException("not a simple type: " + type.getName());
    }

    private static Calendar dateTime(String s) {
        try {
            return GregorianCalendar.from(OffsetDateTime.parse(s).toZonedDateTime());
        } catch (DateTimeParseException withoutZone) {
            try {
                return GregorianCalendar.from(ZonedDateTime.of(LocalDateTime.parse(s), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an xsd:dateTime: " + s, e);
            }
        }
    }
}
