import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { connectSession } from './stores/session';
import './styles.css';

const app = createApp(App).use(createPinia()).use(router);
connectSession(() => void router.push({ name: 'login' }));
app.mount('#app');
