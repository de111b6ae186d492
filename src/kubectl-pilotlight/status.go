package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/cli-runtime/pkg/genericclioptions"
)

const recentEvents = 10

func statusCommand(flags *genericclioptions.ConfigFlags) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "status [PLAN]",
		Short: "Every plan at a glance, or one plan's conditions and recent events",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := connect(flags)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if len(args) == 1 {
				return planDetail(ctx, c, args[0], cmd.OutOrStdout())
			}
			ns := c.namespace
			if all {
				ns = ""
			}
			return planTable(ctx, c, ns, cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVarP(&all, "all-namespaces", "A", false, "plans of every namespace")
	return cmd
}

func planTable(ctx context.Context, c *cluster, ns string, out io.Writer) error {
	list, err := c.plans(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return c.explain(ctx, err, "DisasterRecoveryPlan", "")
	}
	if len(list.Items) == 0 {
		fmt.Fprintf(out, "No DisasterRecoveryPlans in %s.\n", namespaceWords(ns))
		return nil
	}
	failovers, err := c.failoversOf(ctx, ns, "")
	if err != nil {
		return err
	}
	now := time.Now()
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAMESPACE\tPLAN\tREADY\tACTIVE\tRPO / OBJECTIVE\tIN-SYNC\tLAG P99\tLAST FAILOVER")
	for _, p := range list.Items {
		rpo, measured := num(p.Object, "status", "rpoSeconds")
		goal, known := objective(p.Object, "rpo")
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.GetNamespace(), p.GetName(),
			orDash(findCondition(p.Object, "Ready").Status), orDash(activeSite(p.Object)),
			against(rpo, measured, goal, known), orDash(findCondition(p.Object, "StandbyInSync").Status),
			millis(p.Object, "status", "standby", "syncLagP99Millis"), lastFailover(failovers, p, now))
	}
	return w.Flush()
}

// lastFailover sums up the newest Failover of the plan: name, type, phase, when.
func lastFailover(failovers []unstructured.Unstructured, plan unstructured.Unstructured, now time.Time) string {
	for _, fo := range failovers {
		if fo.GetNamespace() == plan.GetNamespace() && str(fo.Object, "spec", "planRef", "name") == plan.GetName() {
			return fmt.Sprintf("%s %s %s %s ago", fo.GetName(), str(fo.Object, "spec", "type"),
				orDash(str(fo.Object, "status", "phase")), ago(fo.GetCreationTimestamp().Time, now))
		}
	}
	return "-"
}

func planDetail(ctx context.Context, c *cluster, name string, out io.Writer) error {
	plan, err := c.getPlan(ctx, name)
	if err != nil {
		return err
	}
	failovers, err := c.failoversOf(ctx, c.namespace, name)
	if err != nil {
		return err
	}
	events, err := c.events(ctx, "DisasterRecoveryPlan", name)
	if err != nil {
		return err
	}
	now := time.Now()
	p := plan.Object
	rpo, measured := num(p, "status", "rpoSeconds")
	rpoGoal, rpoKnown := objective(p, "rpo")
	rtoGoal, _ := objective(p, "rto")
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Plan:\t%s/%s\n", plan.GetNamespace(), plan.GetName())
	fmt.Fprintf(w, "Sites:\tprimary %s, standby %s; active %s\n", str(p, "spec", "primary", "name"),
		str(p, "spec", "standby", "name"), orDash(activeSite(p)))
	if fenced := str(p, "status", "fencedSite"); fenced != "" {
		fmt.Fprintf(w, "Fenced:\t%s (kept parked until a failback)\n", fenced)
	}
	fmt.Fprintf(w, "RPO:\t%s (last good backup %s)\n", against(rpo, measured, rpoGoal, rpoKnown),
		orDash(str(p, "status", "lastGoodBackup", "name")))
	fmt.Fprintf(w, "RTO objective:\t%s\n", short(rtoGoal))
	fmt.Fprintf(w, "Standby:\t%s objects in sync, %s workloads parked, drift %s, conflicts %s\n",
		count(p, "objectsInSync"), count(p, "workloadsParked"), count(p, "driftCount"), count(p, "conflicts"))
	fmt.Fprintf(w, "Sync lag:\tp50 %s, p99 %s; last full sync %s ago\n", millis(p, "status", "standby", "syncLagP50Millis"),
		millis(p, "status", "standby", "syncLagP99Millis"), ago(timestamp(str(p, "status", "standby", "lastFullSync")), now))
	fmt.Fprintf(w, "Active failover:\t%s\n", orDash(str(p, "status", "activeFailover")))
	last := "-"
	if len(failovers) > 0 {
		fo := failovers[0].Object
		last = fmt.Sprintf("%s (%s %s, %s, RTO %s) %s ago", failovers[0].GetName(), str(fo, "spec", "type"),
			orDash(str(fo, "spec", "direction")), orDash(str(fo, "status", "phase")), seconds(fo, "status", "rtoSeconds"),
			ago(failovers[0].GetCreationTimestamp().Time, now))
	}
	fmt.Fprintf(w, "Last failover:\t%s\n", last)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "\nConditions:")
	w = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "  TYPE\tSTATUS\tREASON\tSINCE\tMESSAGE")
	for _, cond := range conditions(p) {
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%s\n", cond.Type, cond.Status, cond.Reason, ago(cond.Since, now), cond.Message)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return printEvents(out, events, now)
}

func printEvents(out io.Writer, events []unstructured.Unstructured, now time.Time) error {
	if len(events) > recentEvents {
		events = events[len(events)-recentEvents:]
	}
	fmt.Fprintln(out, "\nRecent events:")
	if len(events) == 0 {
		fmt.Fprintln(out, "  none")
		return nil
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "  AGE\tTYPE\tREASON\tMESSAGE")
	for _, e := range events {
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", ago(eventTime(e), now), str(e.Object, "type"), str(e.Object, "reason"),
			str(e.Object, "message"))
	}
	return w.Flush()
}

func count(plan map[string]interface{}, field string) string {
	if v, ok := num(plan, "status", "standby", field); ok {
		return fmt.Sprint(v)
	}
	return "-"
}

func millis(obj map[string]interface{}, path ...string) string {
	if v, ok := num(obj, path...); ok {
		return (time.Duration(v) * time.Millisecond).String()
	}
	return "-"
}

func namespaceWords(ns string) string {
	if ns == "" {
		return "any namespace"
	}
	return fmt.Sprintf("namespace %q", ns)
}
