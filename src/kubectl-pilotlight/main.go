// kubectl-pilotlight is the kubectl plugin of Pilotlight: `kubectl pilotlight status|failover|report`.
// It talks to the cluster that holds the plans (where the operator runs) with kubectl's own flags.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"k8s.io/cli-runtime/pkg/genericclioptions"
)

// version is set at build time (-ldflags "-X main.version=..."): the hash of this module's source.
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command and returns the exit code; every error is one line on stderr.
func run(args []string, in io.Reader, out, errOut io.Writer) int {
	flags := genericclioptions.NewConfigFlags(true)
	root := &cobra.Command{
		Use:           "kubectl-pilotlight",
		Short:         "Pilotlight's disaster-recovery plans and failovers at a glance",
		SilenceUsage:  true,
		SilenceErrors: true,
		Annotations:   map[string]string{cobra.CommandDisplayNameAnnotation: "kubectl pilotlight"},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	flags.AddFlags(root.PersistentFlags())
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	root.AddCommand(statusCommand(flags), failoverCommand(flags), reportCommand(flags), &cobra.Command{
		Use:   "version",
		Short: "Print the plugin's version",
		Args:  cobra.NoArgs,
		Run:   func(cmd *cobra.Command, _ []string) { fmt.Fprintln(cmd.OutOrStdout(), version) },
	})
	if err := root.Execute(); err != nil {
		fmt.Fprintln(errOut, "error: "+err.Error())
		return 1
	}
	return 0
}
