package org.gve.agent.vsphere;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MissingProperty;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.SoapRequest;

/** Reads properties through the PropertyCollector (RetrievePropertiesEx, paged). */
final class PropertyReader {
    private static final int PAGE = 500;

    private final VimClient vim;

    PropertyReader(VimClient vim) {
        this.vim = vim;
    }

    /** Properties of one object by path; paths the object does not have are absent. NOT_FOUND when it is gone. */
    Map<String, Object> of(ManagedObjectReference obj, List<String> paths) {
        ObjectSpec object = new ObjectSpec();
        object.setObj(obj);
        object.setSkip(false);
        List<ObjectContent> found = retrieve(filter(new ObjectSpec[] {object}, Map.of(obj.getType(), paths)));
        return found.isEmpty() ? Map.of() : asMap(found.get(0));
    }

    /** Every object of the given types below {@code container} (recursively), with the given properties per type. */
    List<ObjectContent> inside(ManagedObjectReference container, Map<String, List<String>> pathsByType) {
        ManagedObjectReference view = vim.call(vim.content().getViewManager(), "CreateContainerView",
                ManagedObjectReference.class,
                SoapRequest.arg("container", "ManagedObjectReference", container),
                SoapRequest.arg("type", "String[]", pathsByType.keySet().toArray(String[]::new)),
                SoapRequest.arg("recursive", "boolean", Boolean.TRUE));
        try {
            TraversalSpec toView = new TraversalSpec();
            toView.setName("view");
            toView.setType("ContainerView");
            toView.setPath("view");
            toView.setSkip(false);
            ObjectSpec start = new ObjectSpec();
            start.setObj(view);
            start.setSkip(true);
            start.setSelectSet(new SelectionSpec[] {toView});
            // once each: vcsim's recursive view yields a VM both under its folder and under its resource pool
            Map<ManagedObjectReference, ObjectContent> unique = new LinkedHashMap<>();
            retrieve(filter(new ObjectSpec[] {start}, pathsByType)).forEach(o -> unique.putIfAbsent(o.getObj(), o));
            return new ArrayList<>(unique.values());
        } finally {
            try {
                vim.call(view, "DestroyView", Void.class);
            } catch (DriverException e) {
                // the view dies with the session anyway
            }
        }
    }

    /**
     * Retrieves all pages. An endpoint whose session is gone answers the properties as missing with
     * a NotAuthenticated fault instead of failing the call; then the session is renewed once.
     */
    private List<ObjectContent> retrieve(PropertyFilterSpec spec) {
        List<ObjectContent> all = retrievePages(spec);
        if (all.stream().anyMatch(PropertyReader::notAuthenticated)) {
            vim.renewSession();
            all = retrievePages(spec);
            if (all.stream().anyMatch(PropertyReader::notAuthenticated)) {
                throw new DriverException(DriverError.BACKEND_FAILURE, "the vSphere endpoint " + vim.endpoint()
                        + " does not let the configured user read properties (NotAuthenticated after a new login)");
            }
        }
        return all;
    }

    private static boolean notAuthenticated(ObjectContent content) {
        MissingProperty[] missing = content.getMissingSet();
        return missing != null && Arrays.stream(missing).anyMatch(m -> m.getFault() != null
                && "NotAuthenticated".equals(VsphereFaults.typeName(m.getFault().getFault())));
    }

    private List<ObjectContent> retrievePages(PropertyFilterSpec spec) {
        ManagedObjectReference collector = vim.content().getPropertyCollector();
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(PAGE);
        RetrieveResult page = vim.call(collector, "RetrievePropertiesEx", RetrieveResult.class,
                SoapRequest.arg("specSet", "PropertyFilterSpec[]", new PropertyFilterSpec[] {spec}),
                SoapRequest.arg("options", "RetrieveOptions", options));
        List<ObjectContent> all = new ArrayList<>();
        while (page != null) {
            if (page.getObjects() != null) {
                all.addAll(Arrays.asList(page.getObjects()));
            }
            String token = page.getToken();
            page = token == null ? null : vim.call(collector, "ContinueRetrievePropertiesEx", RetrieveResult.class,
                    SoapRequest.arg("token", "String", token));
        }
        return all;
    }

    private static PropertyFilterSpec filter(ObjectSpec[] objects, Map<String, List<String>> pathsByType) {
        List<PropertySpec> props = new ArrayList<>();
        pathsByType.forEach((type, paths) -> {
            PropertySpec p = new PropertySpec();
            p.setType(type);
            p.setAll(Boolean.FALSE);
            p.setPathSet(paths.toArray(String[]::new));
            props.add(p);
        });
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setPropSet(props.toArray(PropertySpec[]::new));
        spec.setObjectSet(objects);
        return spec;
    }

    /** An object's properties by path. */
    static Map<String, Object> asMap(ObjectContent content) {
        Map<String, Object> map = new HashMap<>();
        if (content.getPropSet() != null) {
            for (DynamicProperty p : content.getPropSet()) {
                if (p.getVal() != null) {
                    map.put(p.getName(), p.getVal());
                }
            }
        }
        return map;
    }
}
