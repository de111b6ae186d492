// kstatus prints what kstatus (sigs.k8s.io/cli-utils, as Flux, kpt and Config Sync use it) computes
// for each object of a `kubectl get -o json` document on stdin (an object or a List), one line each:
// <kind>/<name> <status> <message>.
package main

import (
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kstatus: "+err.Error())
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	var objects []*unstructured.Unstructured
	var u unstructured.Unstructured
	// UnmarshalJSON keeps integers as int64: Compute reads metadata.generation as one.
	if err := u.UnmarshalJSON(data); err != nil {
		var list unstructured.UnstructuredList
		if listErr := list.UnmarshalJSON(data); listErr != nil {
			return fmt.Errorf("stdin is neither an object nor a List: %w", err)
		}
		for i := range list.Items {
			objects = append(objects, &list.Items[i])
		}
	} else {
		objects = append(objects, &u)
	}
	for _, obj := range objects {
		res, err := status.Compute(obj)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", obj.GetKind(), obj.GetName(), err)
		}
		fmt.Fprintf(out, "%s/%s %s %s\n", obj.GetKind(), obj.GetName(), res.Status, res.Message)
	}
	return nil
}
