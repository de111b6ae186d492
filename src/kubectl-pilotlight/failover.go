package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/cli-runtime/pkg/genericclioptions"
)

type failoverOptions struct {
	planned, unplanned, drill bool
	toPrimary, wait, yes      bool
	name, timeout             string
	waitTimeout               time.Duration
}

func failoverCommand(flags *genericclioptions.ConfigFlags) *cobra.Command {
	o := &failoverOptions{}
	cmd := &cobra.Command{
		Use:   "failover PLAN --planned|--unplanned|--drill [--to-primary] [--wait] [--yes]",
		Short: "Create a Failover of a plan (and follow it with --wait)",
		Long: "Creates a Failover of the plan after asking for confirmation (unless --yes). With --wait it shows each\n" +
			"step as it ends, with its time, and exits 0 only when the Failover Completed.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := o.kind()
			if err != nil {
				return err
			}
			c, err := connect(flags)
			if err != nil {
				return err
			}
			return o.run(cmd.Context(), c, args[0], kind, cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.planned, "planned", false, "the primary answers: quiesce it, sync a last time, then switch")
	f.BoolVar(&o.unplanned, "unplanned", false, "the primary is lost: fence it and switch without waiting on it")
	f.BoolVar(&o.drill, "drill", false, "a test failover into copies of the namespaces on the standby")
	f.BoolVar(&o.toPrimary, "to-primary", false, "fail back to the primary (direction ToPrimary)")
	f.BoolVar(&o.wait, "wait", false, "follow the Failover until it ends; exit 0 only when it Completed")
	f.BoolVarP(&o.yes, "yes", "y", false, "do not ask for confirmation")
	f.StringVar(&o.name, "name", "", "name of the Failover (default <plan>-<type>-<time>)")
	f.StringVar(&o.timeout, "failover-timeout", "", "spec.timeout of the Failover, a Go duration (default: the CRD's, 30m)")
	f.DurationVar(&o.waitTimeout, "wait-timeout", 40*time.Minute, "how long --wait follows the Failover")
	return cmd
}

func (o *failoverOptions) kind() (string, error) {
	kinds := map[string]bool{"Planned": o.planned, "Unplanned": o.unplanned, "Drill": o.drill}
	chosen := ""
	for k, on := range kinds {
		if on && chosen != "" {
			return "", errors.New("give exactly one of --planned, --unplanned and --drill")
		}
		if on {
			chosen = k
		}
	}
	if chosen == "" {
		return "", errors.New("give one of --planned, --unplanned or --drill")
	}
	return chosen, nil
}

func (o *failoverOptions) run(ctx context.Context, c *cluster, planName, kind string, in io.Reader, out io.Writer) error {
	plan, err := c.getPlan(ctx, planName)
	if err != nil {
		return err
	}
	direction, from, to := "ToStandby", str(plan.Object, "spec", "primary", "name"), str(plan.Object, "spec", "standby", "name")
	if o.toPrimary {
		direction, from, to = "ToPrimary", to, from
	}
	if err := o.refusal(ctx, c, plan, kind, direction, to); err != nil {
		return err
	}
	name := o.name
	if name == "" {
		name = fmt.Sprintf("%s-%s-%s", planName, strings.ToLower(kind), time.Now().UTC().Format("20060102-150405"))
	}
	if !o.yes {
		fmt.Fprintf(out, "%s failover %s of plan %s/%s from %s to %s (%s). Continue? [y/N] ", kind, name,
			c.namespace, planName, from, to, consequence(kind, direction))
		if !confirmed(in) {
			return errors.New("not confirmed: no Failover created")
		}
	}
	created, err := c.failovers(c.namespace).Create(ctx, newFailover(c.namespace, name, planName, kind, direction, o.timeout),
		metav1.CreateOptions{})
	if err != nil {
		return c.explain(ctx, err, "Failover", name)
	}
	fmt.Fprintf(out, "failover.pilotlight.io/%s created\n", created.GetName())
	if !o.wait {
		fmt.Fprintf(out, "follow it with: kubectl pilotlight report %s\n", created.GetName())
		return nil
	}
	return follow(ctx, c, created.GetName(), o.waitTimeout, out)
}

// refusal repeats the Validate step's checks that the plan's status can answer, with its messages,
// so that a Failover the operator would fail at once is not created at all.
func (o *failoverOptions) refusal(ctx context.Context, c *cluster, plan *unstructured.Unstructured, kind, direction, target string) error {
	p := plan.Object
	if ready := findCondition(p, "Ready"); ready.Reason == "InvalidSpec" {
		return fmt.Errorf("plan %s is invalid: %s", plan.GetName(), ready.Message)
	}
	active := activeSite(p)
	if kind == "Drill" {
		if direction == "ToPrimary" {
			return errors.New("a Drill runs on the standby only: leave --to-primary out")
		}
		if active != str(p, "spec", "primary", "name") {
			return fmt.Errorf("the standby site %s serves now: a Drill needs the parked copy there", str(p, "spec", "standby", "name"))
		}
	} else if active == target && str(p, "status", "fencedSite") != target {
		role, hint := "standby", "; to go back, use --to-primary"
		if direction == "ToPrimary" {
			role, hint = "primary", "; nothing to fail back"
		}
		return fmt.Errorf("the %s site %s serves already%s", role, target, hint)
	}
	failovers, err := c.failoversOf(ctx, c.namespace, plan.GetName())
	if err != nil {
		return err
	}
	for _, fo := range failovers {
		if !endedPhases[str(fo.Object, "status", "phase")] {
			return fmt.Errorf("Failover %s of plan %s is in progress; only one runs at a time, so none was created",
				fo.GetName(), plan.GetName())
		}
	}
	return nil
}

func consequence(kind, direction string) string {
	switch {
	case kind == "Drill":
		return "copies of the protected namespaces are scaled up on the standby; nothing else is touched"
	case kind == "Unplanned":
		return "the site left is fenced without waiting on it; traffic moves"
	case direction == "ToPrimary":
		return "the standby is quiesced, the primary resumed; traffic moves back"
	}
	return "the primary is quiesced, the standby scaled up; traffic moves"
}

// confirmed reads one answer line; anything but y or yes (or no line at all) is a no.
func confirmed(in io.Reader) bool {
	line, _ := bufio.NewReader(in).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes"
}

func newFailover(ns, name, plan, kind, direction, timeout string) *unstructured.Unstructured {
	spec := map[string]interface{}{"planRef": map[string]interface{}{"name": plan}, "type": kind, "direction": direction}
	if timeout != "" {
		spec["timeout"] = timeout
	}
	return &unstructured.Unstructured{Object: map[string]interface{}{
		"apiVersion": groupVersion,
		"kind":       "Failover",
		"metadata":   map[string]interface{}{"name": name, "namespace": ns, "labels": map[string]interface{}{"app.kubernetes.io/created-by": "kubectl-pilotlight"}},
		"spec":       spec,
	}}
}

// follow prints one line per step when it ends (on a terminal, the running step is shown on a line
// that is overwritten) until the Failover ends. Polls once a second: a step lasts seconds or more.
func follow(ctx context.Context, c *cluster, name string, limit time.Duration, out io.Writer) error {
	deadline := time.Now().Add(limit)
	live := isTerminal(out)
	printed := 0
	for {
		fo, err := c.getFailover(ctx, name)
		if err != nil {
			return err
		}
		steps := stepsOf(fo.Object)
		for printed < len(steps) && steps[printed].ended() {
			clearLine(out, live)
			fmt.Fprintln(out, steps[printed].line())
			printed++
		}
		phase := str(fo.Object, "status", "phase")
		if endedPhases[phase] {
			clearLine(out, live)
			return outcome(fo.Object, phase, out)
		}
		if live && printed < len(steps) {
			fmt.Fprintf(out, "\r\033[K%s  %s", steps[printed].line(), str(fo.Object, "status", "progress"))
		}
		if time.Now().After(deadline) {
			clearLine(out, live)
			return fmt.Errorf("Failover %s is still %s after %s; it goes on: kubectl pilotlight report %s", name, orDash(phase), limit, name)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func outcome(fo map[string]interface{}, phase string, out io.Writer) error {
	if phase == "Failed" {
		return fmt.Errorf("Failover %s Failed: %s", str(fo, "metadata", "name"), str(fo, "status", "message"))
	}
	fmt.Fprintf(out, "Completed: RTO %s, RPO %s\n", seconds(fo, "status", "rtoSeconds"), seconds(fo, "status", "rpoSeconds"))
	return nil
}

func clearLine(out io.Writer, live bool) {
	if live {
		fmt.Fprint(out, "\r\033[K")
	}
}

func isTerminal(out io.Writer) bool {
	f, ok := out.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

type step struct {
	Name, Phase, State, Message string
	Started, Finished           time.Time
}

func stepsOf(fo map[string]interface{}) []step {
	list, _, _ := unstructured.NestedSlice(fo, "status", "steps")
	var out []step
	for _, item := range list {
		if m, ok := item.(map[string]interface{}); ok {
			out = append(out, step{Name: str(m, "name"), Phase: str(m, "phase"), State: str(m, "state"),
				Message: str(m, "message"), Started: timestamp(str(m, "startedAt")), Finished: timestamp(str(m, "finishedAt"))})
		}
	}
	return out
}

func (s step) ended() bool { return s.State != "" && s.State != "Running" }

// took is the step's duration, up to now while it runs.
func (s step) took() string {
	end := s.Finished
	if end.IsZero() {
		end = time.Now()
	}
	if s.Started.IsZero() {
		return "-"
	}
	return short(end.Sub(s.Started))
}

func (s step) line() string {
	return fmt.Sprintf("%s  %-18s %-9s %6s  %s", s.Started.Local().Format("15:04:05"), s.Name, s.State, s.took(), s.Message)
}
