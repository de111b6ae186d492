package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/cli-runtime/pkg/genericclioptions"
)

func reportCommand(flags *genericclioptions.ConfigFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "report FAILOVER",
		Short: "A printable report of a Failover: steps, timings, RTO and RPO against the plan's objectives",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := connect(flags)
			if err != nil {
				return err
			}
			return report(cmd.Context(), c, args[0], cmd.OutOrStdout())
		},
	}
}

func report(ctx context.Context, c *cluster, name string, out io.Writer) error {
	failover, err := c.getFailover(ctx, name)
	if err != nil {
		return err
	}
	fo := failover.Object
	planName := str(fo, "spec", "planRef", "name")
	// The plan gives the objectives; a report of a Failover whose plan is gone still prints.
	plan := map[string]interface{}{}
	if p, err := c.plans(c.namespace).Get(ctx, planName, metav1.GetOptions{}); err == nil {
		plan = p.Object
	}
	events, err := c.events(ctx, "Failover", name)
	if err != nil {
		return err
	}
	rto, rtoMeasured := num(fo, "status", "rtoSeconds")
	rpo, rpoMeasured := num(fo, "status", "rpoSeconds")
	rtoGoal, rtoKnown := heldTo(fo, plan, "rto")
	rpoGoal, rpoKnown := heldTo(fo, plan, "rpo")
	progressing := findCondition(fo, "Progressing")

	fmt.Fprintf(out, "Failover report %s/%s (printed %s)\n\n", c.namespace, name, time.Now().UTC().Format(time.RFC3339))
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Plan:\t%s\n", planName)
	fmt.Fprintf(w, "Type:\t%s, %s, from %s to %s\n", str(fo, "spec", "type"), orDash(str(fo, "spec", "direction")),
		orDash(str(fo, "status", "fromSite")), orDash(str(fo, "status", "toSite")))
	fmt.Fprintf(w, "Result:\t%s (%s: %s)\n", orDash(str(fo, "status", "phase")), orDash(progressing.Reason), progressing.Message)
	fmt.Fprintf(w, "Created:\t%s\n", failover.GetCreationTimestamp().UTC().Format(time.RFC3339))
	fmt.Fprintf(w, "Started:\t%s\n", orDash(str(fo, "status", "startedAt")))
	fmt.Fprintf(w, "Ended:\t%s\n", orDash(str(fo, "status", "completedAt")))
	fmt.Fprintf(w, "RTO achieved / objective:\t%s\n", against(rto, rtoMeasured, rtoGoal, rtoKnown))
	fmt.Fprintf(w, "RPO achieved / objective:\t%s\n", against(rpo, rpoMeasured, rpoGoal, rpoKnown))
	fmt.Fprintf(w, "Progress:\t%s\n", orDash(str(fo, "status", "progress")))
	if err := w.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(out, "\nSteps (what each did, on which site, in its message):")
	w = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "  #\tSTEP\tPHASE\tSTATE\tSTARTED\tFINISHED\tTOOK\tMESSAGE")
	for i, s := range stepsOf(fo) {
		fmt.Fprintf(w, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, s.Name, s.Phase, s.State, clock(s.Started), clock(s.Finished),
			s.took(), s.Message)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	jobs, _, _ := unstructured.NestedSlice(fo, "status", "jobsToResubmit")
	if len(jobs) > 0 {
		fmt.Fprintln(out, "\nJobs to re-create on the target site:")
		for _, j := range jobs {
			if m, ok := j.(map[string]interface{}); ok {
				fmt.Fprintf(out, "  %s/%s\n", str(m, "namespace"), str(m, "name"))
			}
		}
	}
	printChanges(out, fo)
	return printEvents(out, events, time.Now())
}

// heldTo is the objective an ended Failover was held to (status.report keeps the plan's as they were
// when it ended), else the plan's as they are now.
func heldTo(fo, plan map[string]interface{}, which string) (time.Duration, bool) {
	if v, ok := num(fo, "status", "report", which+"ObjectiveSeconds"); ok {
		return time.Duration(v) * time.Second, true
	}
	return objective(plan, which)
}

// printChanges lists, per site, the steps that changed something there (status.report.sites), and
// where the Markdown copy of the report is.
func printChanges(out io.Writer, fo map[string]interface{}) {
	sites, _, _ := unstructured.NestedSlice(fo, "status", "report", "sites")
	if len(sites) > 0 {
		fmt.Fprintln(out, "\nChanged, by site (the steps' messages above say what):")
		for _, s := range sites {
			m, ok := s.(map[string]interface{})
			if !ok {
				continue
			}
			steps, _, _ := unstructured.NestedStringSlice(m, "steps")
			fmt.Fprintf(out, "  %s (%s): %s\n", str(m, "site"), str(m, "role"), strings.Join(steps, ", "))
		}
	}
	if cm := str(fo, "status", "report", "configMap"); cm != "" {
		fmt.Fprintf(out, "\nMarkdown report: kubectl get configmap %s -o jsonpath='{.data.report\\.md}'\n", cm)
	} else if note := str(fo, "status", "report", "note"); note != "" {
		fmt.Fprintf(out, "\nMarkdown report: %s\n", note)
	}
}

func clock(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("15:04:05")
}
