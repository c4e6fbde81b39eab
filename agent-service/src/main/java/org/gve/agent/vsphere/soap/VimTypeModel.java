package org.gve.agent.vsphere.soap;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What vijava's data model knows: vSphere type name to {@code com.vmware.vim25} class, the public
 * fields of each class (its own and inherited ones up to the first non-vim25 class) and enum
 * constants. Lookups are cached per instance; a name vijava does not know answers empty, which is
 * how the reader learns to skip it.
 */
final class VimTypeModel {
    private static final String VIM_PACKAGE = "com.vmware.vim25.";

    private final ClassLoader loader = VimTypeModel.class.getClassLoader();
    private final ConcurrentMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Map<String, Field>> fields = new ConcurrentHashMap<>();

    /** The vijava data class for a vSphere type name, if vijava has one that can be instantiated. */
    Optional<Class<?>> dataClass(String typeName) {
        return classes.computeIfAbsent(typeName, this::load).filter(VimTypeModel::instantiable);
    }

    /** The vijava enum for a vSphere enum type name, if vijava has it. */
    Optional<Class<?>> enumClass(String typeName) {
        return classes.computeIfAbsent(typeName, this::load).filter(Class::isEnum);
    }

    /** Public instance fields by XML element name, including inherited vim25 ones. */
    Map<String, Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, VimTypeModel::collectFields);
    }

    /** The enum constant whose name is {@code text}, if the enum has one. */
    static Optional<Object> enumConstant(Class<?> enumType, String text) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static boolean isVimClass(Class<?> type) {
        return type.getName().startsWith(VIM_PACKAGE);
    }

    private Optional<Class<?>> load(String typeName) {
        if (typeName.isEmpty() || typeName.indexOf('.') >= 0 || typeName.indexOf('$') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(VIM_PACKAGE + typeName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean instantiable(Class<?> type) {
        if (type.isInterface() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        try {
            Constructor<?> noArgs = type.getConstructor();
            return Modifier.isPublic(noArgs.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Map<String, Field> collectFields(Class<?> type) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && isVimClass(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isPublic(m) && !Modifier.isStatic(m) && !Modifier.isFinal(m)) {
                    byName.putIfAbsent(f.getName(), f);
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
