package org.gve.agent.vsphere.soap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.HostHardwareSummary;
import com.vmware.vim25.HostSystemConnectionState;
import com.vmware.vim25.InvalidArgument;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.MethodNotFound;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.ServiceContent;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.UserSession;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualMachineConnectionState;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.VirtualMachineRuntimeInfo;
import com.vmware.vim25.VirtualMachineVideoCard;
import com.vmware.vim25.ws.XmlGen;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.junit.jupiter.api.Test;

class LenientVimReaderTest {
    private final LenientVimReader reader = new LenientVimReader();

    @Test
    void vijavasOwnReaderFailsOnVcsimsServiceContentWhichThisOneReads() throws IOException, DocumentException {
        Element response = vijavaResponseElement("service-content.xml");
        AssertionError failed = assertThrows(AssertionError.class, () -> byVijava("ServiceContent", response),
                "vijava 5.1 stops at fields newer than its model; if this passes, the lenient reader may be obsolete");
        assertInstanceOf(NoSuchFieldException.class, failed.getCause());

        ServiceContent content = read("service-content.xml", ServiceContent.class);
        assertEquals(ref("Folder", "group-d1"), content.getRootFolder());
        assertEquals(ref("PropertyCollector", "propertyCollector"), content.getPropertyCollector());
        assertEquals(ref("SearchIndex", "SearchIndex"), content.getSearchIndex());
        assertEquals("6.5", content.getAbout().getApiVersion());
        assertTrue(content.getAbout().getFullName().startsWith("VMware vCenter Server"));
    }

    @Test
    void vijavasOwnReaderTakesXsiTypeForAReferencesTypeWhichThisOneDoesNot() throws IOException, DocumentException {
        String answer = envelope("<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><objects>"
                + "<obj type=\"VirtualMachine\">vm-57</obj><propSet><name>resourcePool</name><val "
                + "xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "XMLSchema-instance:type=\"ManagedObjectReference\" type=\"ResourcePool\">resgroup-22</val>"
                + "</propSet></objects></returnval></RetrievePropertiesExResponse>");
        Element body = (Element) new SAXReader().read(stream(answer)).getRootElement().elements().get(0);
        RetrieveResult byVijava = (RetrieveResult) byVijava("RetrieveResult", (Element) body.elements().get(0));
        assertEquals("ManagedObjectReference", ((ManagedObjectReference) byVijava.getObjects()[0].getPropSet()[0].getVal())
                .getType(), "vijava 5.1 reads the first attribute named type, here xsi:type");

        RetrieveResult byUs = reader.readResponse(stream(answer), RetrieveResult.class);
        assertEquals(ref("ResourcePool", "resgroup-22"), byUs.getObjects()[0].getPropSet()[0].getVal());
    }

    @Test
    void readsLogin() throws IOException {
        UserSession session = read("login.xml", UserSession.class);
        assertEquals("gve", session.getUserName());
        assertFalse(session.getKey().isBlank());
        assertEquals(2026, session.getLoginTime().get(Calendar.YEAR));
    }

    @Test
    void readsReferencesByTheirPlainTypeAttributeWhenXsiTypeComesFirst() throws IOException {
        Map<String, Object> vm = properties(read("vm-properties.xml", RetrieveResult.class).getObjects()[0]);
        // <val XMLSchema-instance:type="ManagedObjectReference" type="ResourcePool">resgroup-22</val>
        ManagedObjectReference pool = (ManagedObjectReference) vm.get("resourcePool");
        assertEquals("ResourcePool", pool.getType());
        assertTrue(pool.getVal().startsWith("resgroup-"));
    }

    @Test
    void readsVcsimVmProperties() throws IOException {
        RetrieveResult result = read("vm-properties.xml", RetrieveResult.class);
        assertEquals(1, result.getObjects().length);
        assertEquals("VirtualMachine", result.getObjects()[0].getObj().getType());
        Map<String, Object> vm = properties(result.getObjects()[0]);
        assertEquals("DC0_H0_VM0", vm.get("name"));
        assertEquals(Boolean.FALSE, vm.get("config.template"));
        assertEquals(1, vm.get("config.hardware.numCPU"));
        assertEquals(32, vm.get("config.hardware.memoryMB"));
        assertEquals(VirtualMachinePowerState.poweredOn, vm.get("runtime.powerState"));
        assertEquals(VirtualMachineConnectionState.connected, vm.get("runtime.connectionState"));
        assertEquals("HostSystem", ((ManagedObjectReference) vm.get("runtime.host")).getType());
        VirtualDevice[] devices = (VirtualDevice[]) vm.get("config.hardware.device");
        VirtualDisk disk = Arrays.stream(devices).filter(VirtualDisk.class::isInstance).map(VirtualDisk.class::cast)
                .findFirst().orElseThrow();
        assertEquals(1024, disk.getCapacityInKB());
        assertEquals("[LocalDS_0] DC0_H0_VM0/disk1.vmdk", ((VirtualDiskFlatVer2BackingInfo) disk.getBacking()).getFileName());
        // a known type with a 6.5 field (graphicsMemorySizeInKB) is kept, the field skipped
        assertTrue(Arrays.stream(devices).anyMatch(VirtualMachineVideoCard.class::isInstance));
        OptionValue[] extra = (OptionValue[]) vm.get("config.extraConfig");
        assertEquals("govcsim", extra[0].getKey());
        assertEquals("TRUE", extra[0].getValue());
    }

    @Test
    void readsHostProperties() throws IOException {
        Map<String, Object> host = properties(read("host-properties.xml", RetrieveResult.class).getObjects()[0]);
        HostHardwareSummary hardware = (HostHardwareSummary) host.get("summary.hardware");
        assertTrue(hardware.getNumCpuThreads() > 0);
        assertTrue(hardware.getMemorySize() > 0);
        assertEquals(HostSystemConnectionState.connected, host.get("runtime.connectionState"));
        assertEquals(Boolean.FALSE, host.get("runtime.inMaintenanceMode"));
    }

    @Test
    void readsATaskError() throws IOException {
        TaskInfo info = (TaskInfo) properties(read("task-info-error.xml", RetrieveResult.class).getObjects()[0]).get("info");
        assertEquals(TaskInfoState.error, info.getState());
        InvalidPowerState fault = assertInstanceOf(InvalidPowerState.class, info.getError().getFault());
        assertEquals(VirtualMachinePowerState.poweredOn, fault.getExistingState());
        assertEquals(ref("VirtualMachine", "vm-57"), info.getEntity());
    }

    @Test
    void skipsUnknownFieldsTypesAndEnumValues() throws IOException {
        RetrieveResult result = read("lenient-cases.xml", RetrieveResult.class);
        Map<String, Object> vm = properties(result.getObjects()[0]);

        VirtualMachineRuntimeInfo runtime = (VirtualMachineRuntimeInfo) vm.get("runtime");
        assertEquals(ref("HostSystem", "host-9"), runtime.getHost(), "plain type attribute read after xsi:type");
        assertEquals(VirtualMachineConnectionState.connected, runtime.getConnectionState());
        assertNull(runtime.getPowerState(), "unknown enum value skipped");
        assertEquals(2, runtime.getNumMksConnections(), "fields after an unknown one still read");
        assertNull(runtime.getMaxCpuUsage(), "unparsable number skipped");
        Calendar boot = runtime.getBootTime();
        boot.setTimeZone(TimeZone.getTimeZone("UTC"));
        assertEquals(6, boot.get(Calendar.HOUR_OF_DAY));
        assertEquals(960, boot.get(Calendar.MILLISECOND));

        VirtualDevice[] devices = (VirtualDevice[]) vm.get("config.hardware.device");
        assertEquals(1, devices.length, "the device of an unknown type is skipped");
        assertEquals(2048, ((VirtualDisk) devices[0]).getCapacityInKB());

        assertArrayEquals(new ManagedObjectReference[] {ref("Datastore", "datastore-1"), ref("Datastore", "datastore-2")},
                (ManagedObjectReference[]) vm.get("datastore"));
        assertEquals(123456789012L, vm.get("summary.storage.committed"));
        assertEquals(Boolean.TRUE, vm.get("config.cpuHotAddEnabled"));
        assertFalse(vm.containsKey("config.futureThing"), "a value of an unknown type is skipped");
        assertArrayEquals(new String[] {"a", "b"}, (String[]) vm.get("tags"));
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) vm.get("cpuIds"));

        TaskInfo task = (TaskInfo) properties(result.getObjects()[1]).get("info");
        MethodFault fault = task.getError().getFault();
        assertEquals(MethodFault.class, fault.getClass(), "an unknown fault type keeps the base fault class");
        assertEquals("VmFaultFromTheFuture", fault.getDynamicType(), "and its name");
        assertEquals("m", fault.getFaultMessage()[0].getMessage());
    }

    @Test
    void faultsBecomeTypedExceptions() {
        VimFaultException notAuthenticated = fault("fault-not-authenticated.xml");
        assertEquals("NotAuthenticated", notAuthenticated.faultType());
        assertInstanceOf(NotAuthenticated.class, notAuthenticated.fault());

        VimFaultException gone = fault("fault-managed-object-not-found.xml");
        assertEquals("ManagedObjectNotFound", gone.faultType());
        assertEquals(ref("VirtualMachine", "vm-does-not-exist"), ((ManagedObjectNotFound) gone.fault()).getObj());
        assertTrue(gone.getMessage().contains("has already been deleted"), gone.getMessage());

        VimFaultException missing = fault("fault-method-not-found.xml");
        assertEquals("MethodNotFound", missing.faultType());
        assertEquals("RebootGuest", ((MethodNotFound) missing.fault()).getMethod());
    }

    @Test
    void faultsOfUnknownTypesOrWithoutXsiTypeKeepTheirName() {
        VimFaultException future = assertThrows(VimFaultException.class, () -> reader.readResponse(stream(envelope(
                "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>later</faultstring><detail>"
                + "<FutureFault xmlns=\"urn:vim25\" xsi:type=\"FutureFault\"><x>1</x></FutureFault></detail>"
                + "</soapenv:Fault>")), Void.class));
        assertEquals("FutureFault", future.faultType());
        assertNull(future.fault());

        VimFaultException bare = assertThrows(VimFaultException.class, () -> reader.readResponse(stream(envelope(
                "<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>bad</faultstring><detail>"
                + "<InvalidArgumentFault xmlns=\"urn:vim25\"><invalidProperty>spec.name</invalidProperty>"
                + "</InvalidArgumentFault></detail></soapenv:Fault>")), Void.class));
        assertEquals("InvalidArgument", bare.faultType());
        assertEquals("spec.name", ((InvalidArgument) bare.fault()).getInvalidProperty());

        VimFaultException noDetail = assertThrows(VimFaultException.class, () -> reader.readResponse(stream(envelope(
                "<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>no</faultstring></soapenv:Fault>")),
                Void.class));
        assertEquals("Client", noDetail.faultType());
    }

    @Test
    void emptyAndArrayResults() throws IOException {
        String none = envelope("<FindByUuidResponse xmlns=\"urn:vim25\"></FindByUuidResponse>");
        assertNull(reader.readResponse(stream(none), ManagedObjectReference.class));
        String two = envelope("<FindAllByIpResponse xmlns=\"urn:vim25\"><returnval type=\"VirtualMachine\">vm-1"
                + "</returnval><returnval type=\"VirtualMachine\">vm-2</returnval></FindAllByIpResponse>");
        assertArrayEquals(new ManagedObjectReference[] {ref("VirtualMachine", "vm-1"), ref("VirtualMachine", "vm-2")},
                reader.readResponse(stream(two), ManagedObjectReference[].class));
    }

    @Test
    void answersThatAreNotSoapAreProtocolErrors() {
        assertThrows(SoapProtocolException.class, () -> reader.readResponse(null, Void.class));
        assertThrows(SoapProtocolException.class, () -> reader.readResponse(stream("<html>503</html>"), Void.class));
        assertThrows(SoapProtocolException.class, () -> reader.readResponse(stream("Service Unavailable"), Void.class));
        assertThrows(SoapProtocolException.class, () -> reader.readResponse(stream(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), Void.class), "no DTDs");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private <T> T read(String fixture, Class<T> type) throws IOException {
        try (InputStream in = fixture(fixture)) {
            return reader.readResponse(in, type);
        }
    }

    private VimFaultException fault(String fixture) {
        return assertThrows(VimFaultException.class, () -> read(fixture, Object.class));
    }

    private static Map<String, Object> properties(ObjectContent content) {
        Map<String, Object> map = new HashMap<>();
        for (DynamicProperty p : content.getPropSet()) {
            if (p.getVal() != null) {
                map.put(p.getName(), p.getVal());
            }
        }
        return map;
    }

    private static Element vijavaResponseElement(String fixture) throws IOException, DocumentException {
        try (InputStream in = fixture(fixture)) {
            Document doc = new SAXReader().read(in);
            Element body = (Element) doc.getRootElement().elements().get(0);
            return (Element) body.elements().get(0);
        }
    }

    /** vijava's own reader ({@code XmlGen.fromXML} declares {@code throws Exception}). */
    private static Object byVijava(String type, Element response) {
        try {
            return XmlGen.fromXML(type, response);
        } catch (Exception e) {
            throw new AssertionError("vijava could not read " + type, e);
        }
    }

    static InputStream fixture(String name) {
        InputStream in = LenientVimReaderTest.class.getResourceAsStream("/vsphere/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        return in;
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    static ManagedObjectReference ref(String type, String value) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.setVal(value);
        return ref;
    }
}
