export function greet(name: string): string {
  return "Привіт, " + name + " — ça va ? 🏮";
}
