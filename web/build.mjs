// Copies the browser build of cytoscape.js from node_modules into
// static/vendor, which the Go binary embeds. Run `npm ci && npm run build`
// in web/ after changing the version in package.json; commit the result.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("node_modules/cytoscape/package.json", "utf8"));
copyFileSync("node_modules/cytoscape/dist/cytoscape.min.js", "static/vendor/cytoscape.min.js");
writeFileSync("static/vendor/cytoscape.version", pkg.version + "\n");
console.log("cytoscape " + pkg.version + " -> static/vendor");
