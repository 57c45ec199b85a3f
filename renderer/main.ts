// Renderer entry: mounts the Svelte app on #app (global styles are linked from index.html).
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

export default mount(App, { target });
