package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"syscall"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
)

const groupVersion = "pilotlight.io/v1alpha1"

var (
	planResource     = schema.GroupVersionResource{Group: "pilotlight.io", Version: "v1alpha1", Resource: "disasterrecoveryplans"}
	failoverResource = schema.GroupVersionResource{Group: "pilotlight.io", Version: "v1alpha1", Resource: "failovers"}
	eventResource    = schema.GroupVersionResource{Version: "v1", Resource: "events"}
)

// cluster is the connection to the cluster holding the plans, in the namespace of the flags.
type cluster struct {
	config    *rest.Config
	dyn       dynamic.Interface
	namespace string
}

func connect(flags *genericclioptions.ConfigFlags) (*cluster, error) {
	config, err := flags.ToRESTConfig()
	if err != nil {
		return nil, errors.New("cannot load the kubeconfig: " + err.Error())
	}
	ns, _, err := flags.ToRawKubeConfigLoader().Namespace()
	if err != nil {
		return nil, errors.New("cannot read the namespace from the kubeconfig: " + err.Error())
	}
	dyn, err := dynamic.NewForConfig(config)
	if err != nil {
		return nil, errors.New("cannot make a client: " + err.Error())
	}
	return &cluster{config: config, dyn: dyn, namespace: ns}, nil
}

func (c *cluster) plans(ns string) dynamic.ResourceInterface {
	return c.dyn.Resource(planResource).Namespace(ns)
}

func (c *cluster) failovers(ns string) dynamic.ResourceInterface {
	return c.dyn.Resource(failoverResource).Namespace(ns)
}

// getPlan reads one plan; a plan that does not exist is one clear sentence.
func (c *cluster) getPlan(ctx context.Context, name string) (*unstructured.Unstructured, error) {
	plan, err := c.plans(c.namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, c.explain(ctx, err, "DisasterRecoveryPlan", name)
	}
	return plan, nil
}

func (c *cluster) getFailover(ctx context.Context, name string) (*unstructured.Unstructured, error) {
	fo, err := c.failovers(c.namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, c.explain(ctx, err, "Failover", name)
	}
	return fo, nil
}

// failoversOf lists the namespace's Failovers of one plan (all plans when plan is ""), newest first.
func (c *cluster) failoversOf(ctx context.Context, ns, plan string) ([]unstructured.Unstructured, error) {
	list, err := c.failovers(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, c.explain(ctx, err, "Failover", "")
	}
	var out []unstructured.Unstructured
	for _, fo := range list.Items {
		if plan == "" || str(fo.Object, "spec", "planRef", "name") == plan {
			out = append(out, fo)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[j].GetCreationTimestamp().Time.Before(out[i].GetCreationTimestamp().Time)
	})
	return out, nil
}

// events lists the Events about one object, oldest first.
func (c *cluster) events(ctx context.Context, kind, name string) ([]unstructured.Unstructured, error) {
	list, err := c.dyn.Resource(eventResource).Namespace(c.namespace).List(ctx, metav1.ListOptions{
		FieldSelector: "involvedObject.kind=" + kind + ",involvedObject.name=" + name,
	})
	if err != nil {
		return nil, c.explain(ctx, err, "Event", "")
	}
	items := list.Items
	// Event times have whole seconds; the resourceVersion (etcd's revision) orders those of one second.
	sort.SliceStable(items, func(i, j int) bool {
		ti, tj := eventTime(items[i]), eventTime(items[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		ri, _ := strconv.ParseInt(items[i].GetResourceVersion(), 10, 64)
		rj, _ := strconv.ParseInt(items[j].GetResourceVersion(), 10, 64)
		return ri < rj
	})
	return items, nil
}

// explain turns an error of the API server or of the transport into one sentence of our own: the
// server's text is not repeated, except the field messages of a refused object (the CRD's rules).
func (c *cluster) explain(ctx context.Context, err error, kind, name string) error {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return transportError(c.config.Host, err)
	}
	s := status.Status()
	switch {
	case apierrors.IsNotFound(err) && !c.servesPilotlight(ctx):
		return fmt.Errorf("the cluster at %s has no Pilotlight CRDs (%s not served): install them with kubectl apply -k crds/", c.config.Host, groupVersion)
	case apierrors.IsNotFound(err):
		return fmt.Errorf("%s %q not found in namespace %q", kind, name, c.namespace)
	case apierrors.IsAlreadyExists(err):
		return fmt.Errorf("%s %q already exists in namespace %q", kind, name, c.namespace)
	case apierrors.IsInvalid(err):
		return fmt.Errorf("the API refused the %s: %s", kind, causes(s))
	case apierrors.IsForbidden(err):
		return fmt.Errorf("forbidden: your kubeconfig's identity may not do this to %ss in namespace %q (HTTP 403)", kind, c.namespace)
	case apierrors.IsUnauthorized(err):
		return errors.New("unauthorized: the API server refused the credentials of your kubeconfig (HTTP 401)")
	}
	return fmt.Errorf("the API server answered HTTP %d (%s) for %s %q", s.Code, s.Reason, kind, name)
}

// servesPilotlight says whether the cluster serves Pilotlight's API group (false when unsure).
func (c *cluster) servesPilotlight(ctx context.Context) bool {
	d, err := discovery.NewDiscoveryClientForConfig(c.config)
	if err != nil {
		return false
	}
	resources, err := d.ServerResourcesForGroupVersion(groupVersion)
	return err == nil && len(resources.APIResources) > 0
}

// causes lists the fields and messages of a 422 answer, as the CRD's validation rules wrote them.
func causes(s metav1.Status) string {
	if s.Details == nil || len(s.Details.Causes) == 0 {
		return "it is invalid (HTTP 422)"
	}
	var parts []string
	for _, cause := range s.Details.Causes {
		parts = append(parts, strings.TrimSpace(cause.Field+": "+cause.Message))
	}
	return strings.Join(parts, "; ")
}

// transportError names the kind of failure to reach the server, never its raw text.
func transportError(host string, err error) error {
	var dnsErr *net.DNSError
	var urlErr *url.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &urlErr) && urlErr.Timeout()):
		return fmt.Errorf("the API server at %s did not answer in time", host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fmt.Errorf("cannot reach the API server at %s: connection refused", host)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("cannot reach the API server at %s: its name does not resolve", host)
	case strings.Contains(err.Error(), "x509:") || strings.Contains(err.Error(), "tls:"):
		return fmt.Errorf("cannot reach the API server at %s: its TLS certificate was not accepted", host)
	}
	return fmt.Errorf("cannot talk to the API server at %s", host)
}
