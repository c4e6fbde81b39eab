// Command vcsim runs govmomi's vSphere API simulator for GVE's tests.
//
// Debian packages the govmomi library (golang-github-vmware-govmomi-dev) but not its vcsim
// command, so deploy/scripts/setup-vcsim.sh builds this small main package offline against
// /usr/share/gocode in GOPATH mode. Only flags GVE uses are offered.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	esx := flag.Bool("esx", false, "simulate a standalone ESX host instead of a vCenter")
	listen := flag.String("l", "127.0.0.1:8989", "listen address host:port")
	user := flag.String("username", "", "required user name (default: any user/password is accepted)")
	pass := flag.String("password", "", "required password (with -username)")
	cert := flag.String("tlscert", "", "PEM certificate file (default: a throw-away self-signed one)")
	key := flag.String("tlskey", "", "PEM private key file for -tlscert")
	delay := flag.Int("delay", 0, "delay every SOAP call by this many milliseconds")
	autostart := flag.Bool("autostart", true, "power on the VMs of the initial inventory")
	m := simulator.VPX()
	dc := flag.Int("dc", m.Datacenter, "datacenters")
	cluster := flag.Int("cluster", m.Cluster, "clusters per datacenter")
	clusterHost := flag.Int("host", m.ClusterHost, "hosts per cluster")
	standalone := flag.Int("standalone-host", m.Host, "standalone hosts per datacenter")
	vms := flag.Int("vm", m.Machine, "VMs per resource pool")
	ds := flag.Int("ds", m.Datastore, "datastores")
	pool := flag.Int("pool", m.Pool, "extra resource pools per cluster")
	flag.BoolVar(&simulator.Trace, "trace", false, "trace SOAP requests and responses to stderr")
	flag.Parse()

	if *esx {
		m = simulator.ESX()
		m.Machine, m.Datastore = *vms, *ds
	} else {
		m.Datacenter, m.Cluster, m.ClusterHost, m.Host = *dc, *cluster, *clusterHost, *standalone
		m.Machine, m.Datastore, m.Pool = *vms, *ds, *pool
	}
	m.Autostart = *autostart
	m.DelayConfig.Delay = *delay

	u := &url.URL{Host: *listen}
	if *user != "" {
		u.User = url.UserPassword(*user, *pass)
	}
	if err := m.Create(); err != nil {
		log.Fatalf("vcsim: creating the inventory: %v", err)
	}
	m.Service.Listen = u
	m.Service.TLS = new(tls.Config)
	if *cert != "" {
		c, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			log.Fatalf("vcsim: loading %s/%s: %v", *cert, *key, err)
		}
		m.Service.TLS.Certificates = []tls.Certificate{c}
	}
	s := m.Service.NewServer()
	sdk := *s.URL
	sdk.User = nil
	// setup-vcsim.sh waits for this line
	fmt.Printf("VCSIM-READY %s pid=%d\n", sdk.String(), os.Getpid())

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	s.Close()
	m.Remove() // removes the temporary datastore directories
}
