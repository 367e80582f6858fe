// Package deploy holds the deployment files of plume (docker compose and
// Kubernetes) and the checks that keep them exact: no cluster or Docker
// engine runs in CI, so each manifest is decoded strictly into the
// Kubernetes API's own types (an unknown or mistyped field fails) and
// checked for what plume needs.
package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/yaml"
)

// manifests decodes every document of the Kubernetes manifests.
type manifests struct {
	deploy  appsv1.Deployment
	service corev1.Service
	pdb     policyv1.PodDisruptionBudget
	hpa     autoscalingv2.HorizontalPodAutoscaler
}

func loadManifests(t *testing.T) manifests {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("kubernetes", "plume.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifests
	seen := map[string]bool{}
	for _, doc := range strings.Split(string(raw), "\n---\n") {
		var meta struct{ Kind, APIVersion string }
		if err := yaml.Unmarshal([]byte(doc), &meta); err != nil {
			t.Fatalf("manifest: %v", err)
		}
		targets := map[string]any{"apps/v1 Deployment": &m.deploy, "v1 Service": &m.service,
			"policy/v1 PodDisruptionBudget": &m.pdb, "autoscaling/v2 HorizontalPodAutoscaler": &m.hpa}
		kind := meta.APIVersion + " " + meta.Kind
		target, ok := targets[kind]
		if !ok || seen[kind] {
			t.Fatalf("unexpected manifest %q", kind)
		}
		seen[kind] = true
		if err := yaml.UnmarshalStrict([]byte(doc), target); err != nil {
			t.Errorf("%s does not match the Kubernetes API: %v", kind, err)
		}
	}
	if len(seen) != 4 {
		t.Fatalf("manifests: %v, want a Deployment, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler", seen)
	}
	return m
}

func TestKubernetesManifests(t *testing.T) {
	m := loadManifests(t)
	d := m.deploy
	labels := d.Spec.Template.Labels
	for what, sel := range map[string]map[string]string{"deployment": d.Spec.Selector.MatchLabels,
		"service": m.service.Spec.Selector, "pdb": m.pdb.Spec.Selector.MatchLabels} {
		for k, v := range sel {
			if labels[k] != v {
				t.Errorf("the %s selects %s=%s, which the pods do not carry", what, k, v)
			}
		}
	}
	if len(d.Spec.Template.Spec.Containers) != 1 {
		t.Fatal("want one container")
	}
	c := d.Spec.Template.Spec.Containers[0]
	probe := func(name string, p *corev1.Probe, path string) {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != path || p.HTTPGet.Port != intstr.FromString("http") {
			t.Errorf("%s probe: want GET %s on the http port", name, path)
		}
	}
	probe("readiness", c.ReadinessProbe, "/readyz")
	probe("liveness", c.LivenessProbe, "/healthz")
	if !slices.ContainsFunc(c.Ports, func(p corev1.ContainerPort) bool { return p.Name == "http" && p.ContainerPort == 8080 }) {
		t.Error("the container must name its port 8080 http")
	}
	var env []string
	for _, e := range c.Env {
		env = append(env, e.Name)
	}
	for _, want := range []string{"DATABASE_URL", "DATABASE_REPLICA_URL", "PLUME_ADDR"} {
		if !slices.Contains(env, want) {
			t.Errorf("the container lacks %s", want)
		}
	}
	// Without a CPU limit the Go runtime would take every core of the
	// node, and plume a pool of connections for each.
	if !slices.ContainsFunc(c.Env, func(e corev1.EnvVar) bool {
		f := e.ValueFrom
		return e.Name == "GOMAXPROCS" && f != nil && f.ResourceFieldRef != nil &&
			f.ResourceFieldRef.Resource == "requests.cpu" && f.ResourceFieldRef.ContainerName == c.Name
	}) && c.Resources.Limits.Cpu().IsZero() {
		t.Error("GOMAXPROCS must follow the container's CPU request (or a CPU limit be set)")
	}
	// plume serve's default shutdown grace is 30 s, after a 5 s preStop.
	if g := d.Spec.Template.Spec.TerminationGracePeriodSeconds; g == nil || *g <= 35 {
		t.Errorf("terminationGracePeriodSeconds %v: want more than 35 s", g)
	}
	if m.service.Spec.Ports[0].TargetPort != intstr.FromString("http") {
		t.Error("the service must target the http port")
	}
	replicas := *d.Spec.Replicas
	if m.pdb.Spec.MaxUnavailable == nil || m.pdb.Spec.MaxUnavailable.IntValue() >= int(replicas) {
		t.Error("the disruption budget must keep a replica up")
	}
	ref := m.hpa.Spec.ScaleTargetRef
	if ref.Kind != "Deployment" || ref.Name != d.Name || m.hpa.Spec.MinReplicas == nil || *m.hpa.Spec.MinReplicas < 2 {
		t.Errorf("the autoscaler must scale the deployment %s from at least 2 replicas: %+v", d.Name, m.hpa.Spec)
	}
}

// TestComposeFile checks the compose file's references: every file it
// mounts exists, plume publishes no host port (so that it scales) and reads
// from the replica.
func TestComposeFile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Environment map[string]string `json:"environment"`
			Ports       []string          `json:"ports"`
			Volumes     []string          `json:"volumes"`
		} `json:"services"`
	}
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	for name, s := range c.Services {
		for _, v := range s.Volumes {
			if src, _, _ := strings.Cut(v, ":"); strings.HasPrefix(src, "./") {
				if _, err := os.Stat(filepath.Join("..", src)); err != nil {
					t.Errorf("service %s mounts %s: %v", name, src, err)
				}
			}
		}
	}
	plume := c.Services["plume"]
	if len(plume.Ports) > 0 {
		t.Error("plume must not publish a host port: --scale plume=3 would clash; the proxy publishes :8080")
	}
	if !strings.Contains(plume.Environment["DATABASE_REPLICA_URL"], "@db-replica:") {
		t.Errorf("plume's DATABASE_REPLICA_URL: %q", plume.Environment["DATABASE_REPLICA_URL"])
	}
	if len(c.Services["proxy"].Ports) != 1 {
		t.Error("the proxy publishes :8080")
	}
}

// TestCaddyfile validates the reverse proxy's configuration with Caddy
// itself (Debian's caddy package), where it is installed.
func TestCaddyfile(t *testing.T) {
	caddy, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (apt-get install caddy): the Caddyfile is not validated")
	}
	out, err := exec.Command(caddy, "validate", "--adapter", "caddyfile", "--config", filepath.Join("compose", "Caddyfile")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Valid configuration") {
		t.Errorf("caddy validate: %v\n%s", err, out)
	}
}
