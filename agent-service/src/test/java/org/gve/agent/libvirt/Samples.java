package org.gve.agent.libvirt;

/** Domain XML as libvirt prints it (inactive), for the translation tests. */
final class Samples {
    static final String KVM_TEMPLATE = """
            <domain type='kvm' id='7'>
              <name>tiny-template</name>
              <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
              <metadata>
                <gve:template xmlns:gve="urn:gve:libvirt:1" os="linux-busybox" arch="x86_64"/>
                <other:thing xmlns:other="urn:example:other" keep="yes"/>
              </metadata>
              <memory unit='KiB'>131072</memory>
              <currentMemory unit='KiB'>131072</currentMemory>
              <vcpu placement='static' current='1'>2</vcpu>
              <os>
                <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>
                <kernel>/var/lib/libvirt/images/gve-tiny/vmlinux</kernel>
                <initrd>/var/lib/libvirt/images/gve-tiny/initramfs.cpio.gz</initrd>
                <cmdline>console=ttyS0 quiet</cmdline>
              </os>
              <cpu mode='custom'><topology sockets='1' dies='1' cores='2' threads='1'/></cpu>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/pool/tiny-template.qcow2'/>
                  <backingStore/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='cdrom'>
                  <driver name='qemu' type='raw'/>
                  <source file='/iso/tools.iso'/>
                  <target dev='hdc' bus='ide'/>
                  <readonly/>
                </disk>
                <interface type='network'>
                  <mac address='52:54:00:6a:00:01'/>
                  <source network='default'/>
                  <target dev='vnet3'/>
                  <model type='virtio'/>
                </interface>
                <serial type='pty'>
                  <target type='isa-serial' port='0'/>
                </serial>
                <console type='pty'>
                  <target type='serial' port='0'/>
                </console>
                <channel type='unix'>
                  <source mode='bind' path='/var/lib/libvirt/qemu/channel/target/domain-7-tiny/org.qemu.guest_agent.0'/>
                  <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>
                </channel>
                <graphics type='vnc' port='5901' autoport='no' listen='127.0.0.1'/>
              </devices>
            </domain>
            """;

    static final String XEN_PV_TEMPLATE = """
            <domain type='xen'>
              <name>debian-pv</name>
              <uuid>8f0e6a52-1c7d-4c59-9d7b-2f5c8b9e0a11</uuid>
              <metadata><gve:template xmlns:gve='urn:gve:libvirt:1' os='debian-12' arch='x86_64'/></metadata>
              <memory unit='MiB'>256</memory>
              <vcpu>1</vcpu>
              <os>
                <type arch='x86_64' machine='xenpv'>linux</type>
                <kernel>/var/lib/xen/boot/vmlinuz</kernel>
              </os>
              <devices>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/var/lib/xen/images/debian-pv.qcow2'/>
                  <target dev='xvda' bus='xen'/>
                </disk>
                <serial type='pty'><target port='0'/></serial>
                <console type='pty'><target type='xen' port='0'/></console>
              </devices>
            </domain>
            """;

    private Samples() {
    }
}
